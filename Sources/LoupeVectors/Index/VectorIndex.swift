/// A set of vectors, each under an `Int64` id, searchable by distance to a query.
///
/// Every implementation validates vectors the same way (dimension, finite components, no zero
/// vector under cosine), returns matches best first (ascending distance, ties by ascending id),
/// and is safe to share: searches run in parallel with each other, writes exclusively.
public protocol VectorIndex: AnyObject, Sendable {
  var dimension: Int { get }
  var metric: VectorMetric { get }
  /// The number of ids stored.
  var count: Int { get }

  /// Stores `vector` under `id`, replacing the vector already stored under it.
  func upsert(_ vector: [Float], id: Int64) throws

  /// Stores many vectors; a batch lets an index build in parallel. Later pairs win on equal ids.
  /// Nothing is stored if any vector is invalid.
  func upsert(contentsOf vectors: some Sequence<(Int64, [Float])>) throws

  /// Removes `id`; removing an id that is not stored does nothing.
  func remove(id: Int64)

  func contains(id: Int64) -> Bool

  /// The `limit` stored vectors nearest to `query` that `filter` allows, best first.
  func search(_ query: [Float], limit: Int, allowing filter: VectorFilter?) throws -> [VectorMatch]
}

extension VectorIndex {
  /// The `limit` stored vectors nearest to `query`, best first.
  public func search(_ query: [Float], limit: Int) throws -> [VectorMatch] {
    try search(query, limit: limit, allowing: nil)
  }
}
