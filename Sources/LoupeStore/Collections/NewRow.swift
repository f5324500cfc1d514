import Foundation

/// A row to write: its primary key, its scalar fields as a JSON object's bytes (without an
/// automatic key, which the store assigns and adds), and its vectors by field name.
public struct NewRow: Sendable {
  public var key: RowKey
  public var fields: Data
  public var vectors: [String: [Float]]

  public init(key: RowKey, fields: Data, vectors: [String: [Float]]) {
    self.key = key
    self.fields = fields
    self.vectors = vectors
  }
}

/// A row's primary key as written.
public enum RowKey: Sendable, Equatable {
  /// An integer key: it is also the row's id.
  case integer(Int64)
  case text(String)
  /// An integer key for the store to assign: one more than the largest in the collection.
  case automatic
}

/// A row as written: its id and its primary key's text.
public struct WrittenRow: Sendable, Equatable {
  public var rowID: Int64
  public var key: String
}
