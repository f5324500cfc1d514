/// The index collections use: an exact scan while the set is small, HNSW once it passes
/// `AdaptiveConfiguration.graphThreshold`, moving between them transparently as it grows and
/// shrinks, and compacting the graph when removed ids outnumber live ones.
///
/// Moves happen under an exclusive lock (searches wait for the build: about a second at the
/// threshold); ordinary writes only hold the active index's own lock.
public final class AdaptiveVectorIndex: VectorIndex, @unchecked Sendable {
  /// Which index answers searches.
  public enum Backend: Sendable, Equatable {
    case exactScan
    case quantizedScan
    case hnsw
  }

  public let dimension: Int
  public let metric: VectorMetric
  public let configuration: AdaptiveConfiguration
  private let lock = ReadWriteLock()
  // Guarded by `lock`: shared to use the active index, exclusive to replace it.
  private var active: any VectorIndex

  public init(dimension: Int, metric: VectorMetric, configuration: AdaptiveConfiguration = .init()) {
    precondition(dimension > 0, "a vector index needs at least one dimension")
    self.dimension = dimension
    self.metric = metric
    self.configuration = configuration
    active = Self.makeScan(dimension: dimension, metric: metric, configuration: configuration)
  }

  init(graph: HNSWVectorIndex, configuration: AdaptiveConfiguration) {
    dimension = graph.dimension
    metric = graph.metric
    self.configuration = configuration
    active = graph
  }

  public var backend: Backend {
    lock.withReadLock {
      switch active {
      case is HNSWVectorIndex: .hnsw
      case is QuantizedVectorIndex: .quantizedScan
      default: .exactScan
      }
    }
  }

  public var count: Int { lock.withReadLock { active.count } }

  public func upsert(_ vector: [Float], id: Int64) throws {
    try lock.withReadLock { try active.upsert(vector, id: id) }
    try adaptToSize()
  }

  public func upsert(contentsOf vectors: some Sequence<(Int64, [Float])>) throws {
    let batch = try VectorPreparation(dimension: dimension, metric: metric).prepare(vectors)
    let pairs = (0..<batch.ids.count).lazy.map { row in
      (batch.ids[row], Array(batch.values[row * self.dimension..<(row + 1) * self.dimension]))
    }
    let growsPastThreshold = lock.withReadLock {
      !(active is HNSWVectorIndex) && active.count + batch.ids.count > configuration.graphThreshold
    }
    if growsPastThreshold {
      // Build the graph once from the scan and the batch together, on every build thread.
      try lock.withWriteLock {
        let current = Self.snapshot(of: active)
        var ids = current.ids
        var values = current.values
        let batchRows = Dictionary(uniqueKeysWithValues: batch.ids.enumerated().map { ($1, $0) })
        for (row, id) in ids.enumerated() where batchRows[id] != nil {
          let source = batchRows[id]!
          values.replaceSubrange(
            row * dimension..<(row + 1) * dimension,
            with: batch.values[source * dimension..<(source + 1) * dimension]
          )
        }
        let known = Set(ids)
        for (row, id) in batch.ids.enumerated() where !known.contains(id) {
          ids.append(id)
          values.append(contentsOf: batch.values[row * dimension..<(row + 1) * dimension])
        }
        active = try makeGraph(ids: ids, values: values)
      }
      return
    }
    try lock.withReadLock { try active.upsert(contentsOf: pairs) }
    try adaptToSize()
  }

  public func remove(id: Int64) {
    lock.withReadLock { active.remove(id: id) }
    // A failed move leaves the current index in place, which still answers correctly.
    try? adaptToSize()
  }

  /// Every id the index holds, in no particular order: what a restored graph contains.
  public var ids: [Int64] {
    lock.withReadLock {
      if let graph = active as? HNSWVectorIndex { return graph.ids }
      return Self.snapshot(of: active).ids
    }
  }

  public func contains(id: Int64) -> Bool {
    lock.withReadLock { active.contains(id: id) }
  }

  public func search(_ query: [Float], limit: Int, allowing filter: VectorFilter?) throws -> [VectorMatch] {
    try lock.withReadLock { try active.search(query, limit: limit, allowing: filter) }
  }

  /// Replaces everything with `vectors` (the store's copy), choosing the index for their count.
  public func rebuild(from vectors: some Sequence<(Int64, [Float])>) throws {
    let batch = try VectorPreparation(dimension: dimension, metric: metric).prepare(vectors)
    let rebuilt: any VectorIndex
    if batch.ids.count > configuration.graphThreshold {
      rebuilt = try makeGraph(ids: batch.ids, values: batch.values)
    } else {
      rebuilt = Self.makeScan(dimension: dimension, metric: metric, configuration: configuration)
      try rebuilt.upsert(
        contentsOf: (0..<batch.ids.count).lazy.map { row in
          (batch.ids[row], Array(batch.values[row * self.dimension..<(row + 1) * self.dimension]))
        }
      )
    }
    lock.withWriteLock { active = rebuilt }
  }

  /// The active graph, for saving; nil while the set is scanned.
  var graph: HNSWVectorIndex? {
    lock.withReadLock { active as? HNSWVectorIndex }
  }

  /// Moves to the graph above the graph threshold, back to a scan below the scan threshold, and
  /// rebuilds the graph when its deleted nodes outnumber the live ones.
  private func adaptToSize() throws {
    let needsMove = lock.withReadLock { move(for: active) != nil }
    guard needsMove else { return }
    try lock.withWriteLock {
      // Checked again: another writer may have moved it between the two locks.
      guard let move = move(for: active) else { return }
      let current = Self.snapshot(of: active)
      switch move {
      case .toGraph, .compact:
        active = try makeGraph(ids: current.ids, values: current.values)
      case .toScan:
        let scan = Self.makeScan(dimension: dimension, metric: metric, configuration: configuration)
        try scan.upsert(
          contentsOf: (0..<current.ids.count).lazy.map { row in
            (current.ids[row], Array(current.values[row * self.dimension..<(row + 1) * self.dimension]))
          }
        )
        active = scan
      }
    }
  }

  private enum Move {
    case toGraph, toScan, compact
  }

  private func move(for index: any VectorIndex) -> Move? {
    if let graph = index as? HNSWVectorIndex {
      let live = graph.count
      if live < configuration.scanThreshold { return .toScan }
      return graph.deletedCount > live ? .compact : nil
    }
    return index.count > configuration.graphThreshold ? .toGraph : nil
  }

  private func makeGraph(ids: [Int64], values: [Float]) throws -> HNSWVectorIndex {
    let graph = try HNSWVectorIndex(
      dimension: dimension,
      metric: metric,
      parameters: configuration.hnsw,
      capacity: max(ids.count + ids.count / 4, 1024)
    )
    try graph.insert(ids: ids, values: values)
    return graph
  }

  private static func makeScan(
    dimension: Int,
    metric: VectorMetric,
    configuration: AdaptiveConfiguration
  ) -> any VectorIndex {
    switch configuration.scanPrecision {
    case .float32: ExactVectorIndex(dimension: dimension, metric: metric)
    case .int8: QuantizedVectorIndex(dimension: dimension, metric: metric)
    }
  }

  private static func snapshot(of index: any VectorIndex) -> (ids: [Int64], values: [Float]) {
    switch index {
    case let graph as HNSWVectorIndex: graph.snapshot()
    case let quantized as QuantizedVectorIndex: quantized.snapshot()
    case let exact as ExactVectorIndex: exact.snapshot()
    default: preconditionFailure("AdaptiveVectorIndex only holds its own index types")
    }
  }
}
