import Foundation

/// One row as stored: the internal row id, the primary key as text (unique in its collection),
/// the scalar fields as a JSON object, and the vectors by field name.
public struct CollectionRow: Sendable, Equatable {
  public var rowID: Int64
  public var key: String
  /// The row's scalar fields, primary key included, as a JSON object's bytes.
  public var fields: Data
  public var vectors: [String: [Float]]

  public init(rowID: Int64, key: String, fields: Data, vectors: [String: [Float]]) {
    self.rowID = rowID
    self.key = key
    self.fields = fields
    self.vectors = vectors
  }
}
