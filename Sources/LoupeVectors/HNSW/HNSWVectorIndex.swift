import CHNSWLib
import Foundation

/// Approximate nearest neighbours over an HNSW graph (hnswlib 0.6.2 through the CHNSWLib shim):
/// logarithmic search at a recall set by `HNSWParameters.efSearch`, for sets too large to scan.
///
/// Removal marks the id deleted: it keeps routing searches but is never returned, and upserting
/// the id again replaces its vector in place and revives it. Deleted nodes still take memory
/// until the graph is rebuilt (`AdaptiveVectorIndex` compacts when they outnumber live ones).
public final class HNSWVectorIndex: VectorIndex, @unchecked Sendable {
  public let dimension: Int
  public let metric: VectorMetric
  public let parameters: HNSWParameters
  private let preparation: VectorPreparation
  private let lock = ReadWriteLock()
  // hnswlib does not lock its own reads against its writes: every call below holds `lock`,
  // shared for reads (search, distances, save) and exclusive for writes (add, delete, resize).
  private let handle: OpaquePointer

  public convenience init(
    dimension: Int,
    metric: VectorMetric,
    parameters: HNSWParameters = .init(),
    capacity: Int = 1024
  ) throws {
    precondition(dimension > 0, "a vector index needs at least one dimension")
    var message = [CChar](repeating: 0, count: 512)
    guard
      let handle = loupe_hnsw_create(
        metric.hnswSpace,
        dimension,
        max(capacity, 1),
        parameters.m,
        parameters.efConstruction,
        parameters.seed,
        &message,
        message.count
      )
    else { throw HNSWStatus.error(LOUPE_HNSW_FAILED, url: nil, message: message) }
    self.init(loadedHandle: handle, dimension: dimension, metric: metric, parameters: parameters)
  }

  /// Takes ownership of a graph the shim created or loaded.
  init(loadedHandle handle: OpaquePointer, dimension: Int, metric: VectorMetric, parameters: HNSWParameters) {
    self.handle = handle
    self.dimension = dimension
    self.metric = metric
    self.parameters = parameters
    preparation = VectorPreparation(dimension: dimension, metric: metric)
  }

  deinit {
    loupe_hnsw_free(handle)
  }

  public var count: Int {
    lock.withReadLock { loupe_hnsw_element_count(handle) - loupe_hnsw_deleted_count(handle) }
  }

  /// Ids removed but still in the graph.
  public var deletedCount: Int {
    lock.withReadLock { loupe_hnsw_deleted_count(handle) }
  }

  public func upsert(_ vector: [Float], id: Int64) throws {
    try insert(ids: [id], values: try preparation.prepare(vector))
  }

  public func upsert(contentsOf vectors: some Sequence<(Int64, [Float])>) throws {
    let batch = try preparation.prepare(vectors)
    try insert(ids: batch.ids, values: batch.values)
  }

  /// Adds prepared vectors (distinct ids), on `parameters.buildThreads` threads.
  func insert(ids: [Int64], values: [Float]) throws(VectorIndexError) {
    guard !ids.isEmpty else { return }
    var message = [CChar](repeating: 0, count: 512)
    let status = lock.withWriteLock {
      let needed = loupe_hnsw_element_count(handle) + ids.count
      let capacity = loupe_hnsw_capacity(handle)
      // hnswlib preallocates; grow geometrically so one-at-a-time upserts stay amortised O(1).
      if needed > capacity {
        let status = loupe_hnsw_reserve(handle, max(needed, capacity * 2), &message, message.count)
        guard status == LOUPE_HNSW_OK else { return status }
      }
      let labels = ids.map { UInt64(bitPattern: $0) }
      return loupe_hnsw_add(handle, values, labels, ids.count, max(parameters.buildThreads, 1), &message, message.count)
    }
    if status != LOUPE_HNSW_OK { throw HNSWStatus.error(status, url: nil, message: message) }
  }

  public func remove(id: Int64) {
    lock.withWriteLock { _ = loupe_hnsw_mark_deleted(handle, UInt64(bitPattern: id)) }
  }

  public func contains(id: Int64) -> Bool {
    lock.withReadLock { loupe_hnsw_contains(handle, UInt64(bitPattern: id)) }
  }

  public func search(_ query: [Float], limit: Int, allowing filter: VectorFilter?) throws -> [VectorMatch] {
    try search(query, limit: limit, allowing: filter, ef: parameters.ef(forCount: count))
  }

  /// Searches with an explicit candidate-list size instead of `parameters.efSearch`.
  public func search(_ query: [Float], limit: Int, allowing filter: VectorFilter?, ef: Int) throws -> [VectorMatch] {
    let prepared = try preparation.prepare(query)
    guard limit > 0 else { return [] }
    return lock.withReadLock {
      let live = loupe_hnsw_element_count(handle) - loupe_hnsw_deleted_count(handle)
      let ef = max(ef, limit)
      switch filter {
      case nil:
        return graphSearch(prepared, limit: limit, ef: ef, filter: nil)
      case .ids(let ids) where ids.count <= parameters.exactFilterLimit:
        return exactSearch(prepared, limit: limit, candidates: ids.map { UInt64(bitPattern: $0) })
      case .ids(let ids):
        let ratio = Double(ids.count) / Double(max(live, 1))
        return graphSearch(prepared, limit: limit, ef: Self.filteredEF(ef, ratio: ratio), filter: .ids(ids))
      case .predicate(let predicate):
        let ratio = estimatedRatio(of: predicate)
        if ratio * Double(live) <= Double(parameters.exactFilterLimit) {
          let allowed = liveLabels().filter { predicate(Int64(bitPattern: $0)) }
          return exactSearch(prepared, limit: limit, candidates: allowed)
        }
        return graphSearch(prepared, limit: limit, ef: Self.filteredEF(ef, ratio: ratio), filter: filter)
      }
    }
  }

  /// A filtered walk must look past the nodes the filter refuses: widening the candidate list
  /// by ⌈1/√ratio⌉ (2× at half the ids, 4× at a tenth, capped at 8×) keeps recall level with an
  /// unfiltered search in the tests at a cost that grows more slowly than the refused fraction.
  static func filteredEF(_ ef: Int, ratio: Double) -> Int {
    guard ratio > 0 else { return ef * 8 }
    return ef * min(8, max(1, Int((1 / ratio.squareRoot()).rounded(.up))))
  }

  /// The fraction of a sample of 512 live ids, evenly spread over the graph, that pass.
  private func estimatedRatio(of predicate: (Int64) -> Bool) -> Double {
    var sample = [UInt64](repeating: 0, count: 512)
    let sampled = loupe_hnsw_sample_labels(handle, sample.count, &sample)
    guard sampled > 0 else { return 0 }
    let passed = sample.prefix(sampled).count(where: { predicate(Int64(bitPattern: $0)) })
    return Double(passed) / Double(sampled)
  }

  private func graphSearch(_ query: [Float], limit: Int, ef: Int, filter: VectorFilter?) -> [VectorMatch] {
    var labels = [UInt64](repeating: 0, count: limit)
    var distances = [Float](repeating: 0, count: limit)
    let found: Int
    if let filter {
      let box = FilterBox(filter)
      found = withExtendedLifetime(box) {
        loupe_hnsw_search(
          handle,
          query,
          limit,
          ef,
          { label, context in
            Unmanaged<FilterBox>.fromOpaque(context!).takeUnretainedValue().filter.allows(Int64(bitPattern: label))
          },
          Unmanaged.passUnretained(box).toOpaque(),
          &labels,
          &distances
        )
      }
    } else {
      found = loupe_hnsw_search(handle, query, limit, ef, nil, nil, &labels, &distances)
    }
    return (0..<found).map { VectorMatch(id: Int64(bitPattern: labels[$0]), distance: distances[$0]) }
      .sorted { $0.precedes($1) }
  }

  /// Exact distances to the candidates, computed by hnswlib's own kernels on its stored vectors.
  private func exactSearch(_ query: [Float], limit: Int, candidates: [UInt64]) -> [VectorMatch] {
    var labels = [UInt64](repeating: 0, count: candidates.count)
    var distances = [Float](repeating: 0, count: candidates.count)
    let found = loupe_hnsw_distances(handle, query, candidates, candidates.count, &labels, &distances)
    var best = BestMatches(limit: limit)
    for index in 0..<found { best.consider(id: Int64(bitPattern: labels[index]), distance: distances[index]) }
    return best.sorted()
  }

  /// Every live id, in no particular order.
  public var ids: [Int64] {
    lock.withReadLock { liveLabels().map { Int64(bitPattern: $0) } }
  }

  private func liveLabels() -> [UInt64] {
    let live = loupe_hnsw_element_count(handle) - loupe_hnsw_deleted_count(handle)
    var labels = [UInt64](repeating: 0, count: live)
    let written = loupe_hnsw_live_labels(handle, &labels, live)
    return Array(labels.prefix(written))
  }

  /// Runs a read-only shim call under the shared lock.
  func withHandleForReading<Result>(_ body: (OpaquePointer) throws -> Result) rethrows -> Result {
    try lock.withReadLock { try body(handle) }
  }

  /// Every live id with its stored (prepared) vector, to move the set into another index.
  func snapshot() -> (ids: [Int64], values: [Float]) {
    lock.withReadLock {
      let labels = liveLabels()
      var values = [Float](repeating: 0, count: labels.count * dimension)
      values.withUnsafeMutableBufferPointer { buffer in
        for (row, label) in labels.enumerated() {
          _ = loupe_hnsw_vector(handle, label, buffer.baseAddress! + row * dimension)
        }
      }
      return (labels.map { Int64(bitPattern: $0) }, values)
    }
  }
}

/// Keeps a search's filter alive and reachable from hnswlib's C callback.
private final class FilterBox {
  let filter: VectorFilter

  init(_ filter: VectorFilter) {
    self.filter = filter
  }
}
