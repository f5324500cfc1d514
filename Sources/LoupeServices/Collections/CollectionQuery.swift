import Foundation
import LoupeStore

/// What a collection search looks for: a text (embedded by the field's model), an image (by
/// URL or bytes), or a vector given as is.
public enum CollectionQuery: Sendable {
  case text(String)
  case image(EmbeddingInput)
  case vector([Float])
}

/// A collection with what a client sees of its state.
public struct CollectionSummary: Sendable {
  public var name: String
  public var schema: CollectionSchema
  public var rowCount: Int
  /// Vectors in each field's index, for the indexes built so far (they build on first search).
  public var indexedVectors: [String: Int]
  public var createdAt: Date
  /// `false` when `if_exists: skip` kept an existing collection.
  public var created: Bool
}

/// The answer to an insert: what was stored, and each row that failed with its reason.
public struct CollectionInsertOutcome: Sendable {
  public var inserted: Int
  /// The primary keys of the rows stored, in input order.
  public var ids: [JSONValue]
  public var errors: [(index: Int, message: String)]
}
