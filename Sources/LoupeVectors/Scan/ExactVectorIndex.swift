/// Exact nearest neighbours by scanning every stored f32 vector with SIMD: 100% recall, no build
/// cost, and linear time, which is what small sets want (see `AdaptiveVectorIndex` for where
/// the graph index takes over).
public final class ExactVectorIndex: VectorIndex, @unchecked Sendable {
  public let dimension: Int
  public let metric: VectorMetric
  private let preparation: VectorPreparation
  private let lock = ReadWriteLock()
  // Guarded by `lock`.
  private var rows: VectorRows

  public init(dimension: Int, metric: VectorMetric) {
    precondition(dimension > 0, "a vector index needs at least one dimension")
    self.dimension = dimension
    self.metric = metric
    preparation = VectorPreparation(dimension: dimension, metric: metric)
    rows = VectorRows(dimension: dimension)
  }

  public var count: Int { lock.withReadLock { rows.count } }

  public func upsert(_ vector: [Float], id: Int64) throws {
    let prepared = try preparation.prepare(vector)
    lock.withWriteLock { _ = rows.upsert(prepared, id: id) }
  }

  public func upsert(contentsOf vectors: some Sequence<(Int64, [Float])>) throws {
    let batch = try preparation.prepare(vectors)
    lock.withWriteLock {
      rows.reserveCapacity(rows.count + batch.ids.count)
      for (index, id) in batch.ids.enumerated() {
        rows.upsert(Array(batch.values[index * dimension..<(index + 1) * dimension]), id: id)
      }
    }
  }

  public func remove(id: Int64) {
    lock.withWriteLock { _ = rows.remove(id: id) }
  }

  public func contains(id: Int64) -> Bool {
    lock.withReadLock { rows.row(of: id) != nil }
  }

  public func search(_ query: [Float], limit: Int, allowing filter: VectorFilter?) throws -> [VectorMatch] {
    let prepared = try preparation.prepare(query)
    guard limit > 0 else { return [] }
    // Passed as a value, the rows spare the hot loop an exclusivity check per access to the
    // class's stored property; the scan stays inside the lock so that no write meets a second
    // reference to the buffers and copies them.
    return lock.withReadLock { Self.scan(rows, query: prepared, metric: metric, limit: limit, filter: filter) }
  }

  static func scan(
    _ rows: VectorRows,
    query: [Float],
    metric: VectorMetric,
    limit: Int,
    filter: VectorFilter?
  ) -> [VectorMatch] {
    var best = BestMatches(limit: limit)
    query.withUnsafeBufferPointer { query in
      rows.values.withUnsafeBufferPointer { values in
        rows.ids.withUnsafeBufferPointer { ids in
          guard let queryBase = query.baseAddress, let valuesBase = values.baseAddress else { return }
          let scan = ScanContext(query: queryBase, values: valuesBase, dimension: rows.dimension)
          switch filter {
          case nil:
            for row in 0..<ids.count { best.consider(id: ids[row], distance: scan.distance(metric, row)) }
          case .ids(let allowed) where allowed.count < ids.count / 4:
            // Few candidates: visit their rows only.
            for id in allowed {
              guard let row = rows.row(of: id) else { continue }
              best.consider(id: id, distance: scan.distance(metric, row))
            }
          case let filter?:
            for row in 0..<ids.count where filter.allows(ids[row]) {
              best.consider(id: ids[row], distance: scan.distance(metric, row))
            }
          }
        }
      }
    }
    return best.sorted()
  }

  /// Every stored id with its prepared vector, for handing the set to another index.
  func snapshot() -> (ids: [Int64], values: [Float]) {
    lock.withReadLock { (rows.ids, rows.values) }
  }
}

/// A query and the base of the row buffer it is scanned against.
struct ScanContext {
  let query: UnsafePointer<Float>
  let values: UnsafePointer<Float>
  let dimension: Int

  @inline(__always)
  func distance(_ metric: VectorMetric, _ row: Int) -> Float {
    FloatKernels.distance(metric, query, values + row * dimension, count: dimension)
  }
}
