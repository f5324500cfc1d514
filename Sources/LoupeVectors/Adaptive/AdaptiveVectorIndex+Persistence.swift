import Foundation

/// How `AdaptiveVectorIndex.restore` got its index.
public enum VectorIndexRestoreOutcome: Sendable, Equatable {
  /// The saved graph was current and sound.
  case loaded
  /// Rebuilt from the stored vectors; `reason` says what was wrong with the file (nil when the
  /// set is small enough to be scanned, so no file is kept).
  case rebuilt(reason: VectorIndexError?)
}

extension AdaptiveVectorIndex {
  /// Saves the graph, if the set has one, under the store's `generation`. A scanned set keeps no
  /// file (it rebuilds from the store in milliseconds), so any file at `url` is removed and a
  /// later restore cannot load a graph that misses what happened since.
  public func save(to url: URL, generation: UInt64) throws(VectorIndexError) {
    if let graph {
      try graph.save(to: url, generation: generation)
      return
    }
    do {
      try FileManager.default.removeItem(at: url)
    } catch CocoaError.fileNoSuchFile {
      return
    } catch {
      throw .io(path: url.path, reason: "\(error)")
    }
  }

  /// Loads the graph saved at `url` if it is sound and from `generation`; otherwise builds the
  /// index from `storedVectors` (the store's copy), which is only called then.
  public static func restore<Vectors: Sequence<(Int64, [Float])>>(
    from url: URL,
    generation: UInt64,
    dimension: Int,
    metric: VectorMetric,
    configuration: AdaptiveConfiguration = .init(),
    storedVectors: () throws -> Vectors
  ) throws -> (index: AdaptiveVectorIndex, outcome: VectorIndexRestoreOutcome) {
    let reason: VectorIndexError
    do {
      let graph = try HNSWVectorIndex.load(
        from: url,
        dimension: dimension,
        metric: metric,
        generation: generation,
        parameters: configuration.hnsw
      )
      return (AdaptiveVectorIndex(graph: graph, configuration: configuration), .loaded)
    } catch {
      reason = error
    }
    let index = AdaptiveVectorIndex(dimension: dimension, metric: metric, configuration: configuration)
    try index.rebuild(from: try storedVectors())
    let expected = reason == .fileNotFound(path: url.path) && index.backend != .hnsw
    return (index, .rebuilt(reason: expected ? nil : reason))
  }

  /// Loads the graph saved at `url` whatever generation it was saved under, and returns that
  /// generation with it: for callers that bring a loaded index up to date themselves (the
  /// library's clip indexes apply the clips stored after it). Throws what `HNSWVectorIndex.load`
  /// throws for a missing, mismatched or damaged file.
  public static func load(
    from url: URL,
    dimension: Int,
    metric: VectorMetric,
    configuration: AdaptiveConfiguration = .init()
  ) throws(VectorIndexError) -> (index: AdaptiveVectorIndex, generation: UInt64) {
    let info = try HNSWIndexFileInfo.read(from: url)
    let graph = try HNSWVectorIndex.load(
      from: url,
      dimension: dimension,
      metric: metric,
      generation: info.generation,
      parameters: configuration.hnsw
    )
    return (AdaptiveVectorIndex(graph: graph, configuration: configuration), info.generation)
  }
}
