import CHNSWLib
import Foundation

extension HNSWVectorIndex {
  /// Writes the graph to `url` (a temporary file renamed into place, so a crash leaves the old
  /// file or the new one) under a header recording dimension, metric, live count, the caller's
  /// store `generation`, and the payload's size and checksum.
  public func save(to url: URL, generation: UInt64) throws(VectorIndexError) {
    var message = [CChar](repeating: 0, count: 512)
    let status = withHandleForReading { handle in
      url.withUnsafeFileSystemRepresentation { path in
        loupe_hnsw_save(handle, path, generation, &message, message.count)
      }
    }
    if status != LOUPE_HNSW_OK { throw HNSWStatus.error(status, url: url, message: message) }
  }

  /// Loads a graph saved by `save(to:generation:)`. A missing file, another dimension or metric,
  /// another generation than `generation` (when given), a bad checksum or a truncated file each
  /// throw their `VectorIndexError`, and the caller rebuilds from its stored vectors. The graph's
  /// `m` and `efConstruction` are the file's; `parameters` set search and later additions.
  public static func load(
    from url: URL,
    dimension: Int,
    metric: VectorMetric,
    generation: UInt64?,
    parameters: HNSWParameters = .init()
  ) throws(VectorIndexError) -> HNSWVectorIndex {
    // The header first: a stale or mismatched file is refused without reading its payload.
    let info = try HNSWIndexFileInfo.read(from: url)
    guard info.dimension == dimension, info.metric == metric else {
      throw .incompatibleFile(
        path: url.path,
        reason: "\(info.dimension)-d \(info.metric.rawValue), expected \(dimension)-d \(metric.rawValue)"
      )
    }
    if let generation, info.generation != generation {
      throw .staleFile(path: url.path, expectedGeneration: generation, foundGeneration: info.generation)
    }
    var message = [CChar](repeating: 0, count: 512)
    var status = LOUPE_HNSW_OK
    let handle = url.withUnsafeFileSystemRepresentation { path in
      loupe_hnsw_load(path, metric.hnswSpace, dimension, &status, &message, message.count)
    }
    guard let handle else { throw HNSWStatus.error(status, url: url, message: message) }
    return HNSWVectorIndex(loadedHandle: handle, dimension: dimension, metric: metric, parameters: parameters)
  }
}
