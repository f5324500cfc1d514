import CHNSWLib
import Foundation

/// What the header of a saved HNSW index says, read without loading the graph.
public struct HNSWIndexFileInfo: Sendable, Equatable {
  public let formatVersion: Int
  public let metric: VectorMetric
  public let dimension: Int
  /// Live vectors (stored minus deleted) when the file was saved.
  public let count: Int
  /// The caller's store generation the file was saved at.
  public let generation: UInt64
  /// Bytes after the 64-byte header.
  public let payloadSize: UInt64

  /// Reads the header of `url`; with `verifyingPayload`, also reads every byte and checks the
  /// payload checksum (a second or two per GB).
  public static func read(from url: URL, verifyingPayload: Bool = false) throws(VectorIndexError) -> Self {
    var info = loupe_hnsw_file_info()
    var message = [CChar](repeating: 0, count: 512)
    let status = url.withUnsafeFileSystemRepresentation { path in
      loupe_hnsw_read_info(path, verifyingPayload, &info, &message, message.count)
    }
    if status != LOUPE_HNSW_OK { throw HNSWStatus.error(status, url: url, message: message) }
    return HNSWIndexFileInfo(
      formatVersion: Int(info.format_version),
      metric: info.space == LOUPE_HNSW_INNER_PRODUCT.rawValue ? .cosine : .l2,
      dimension: Int(info.dimension),
      count: Int(info.live_count),
      generation: info.generation,
      payloadSize: info.payload_size
    )
  }
}

/// Maps the shim's statuses and messages to typed errors.
enum HNSWStatus {
  static func error(_ status: loupe_hnsw_status, url: URL?, message: [CChar]) -> VectorIndexError {
    let reason = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    let path = url?.path ?? ""
    switch status {
    case LOUPE_HNSW_NOT_FOUND: return .fileNotFound(path: path)
    case LOUPE_HNSW_IO_ERROR: return .io(path: path, reason: reason)
    case LOUPE_HNSW_CORRUPT: return .corruptFile(path: path, reason: reason)
    default: return .indexFailure(reason: reason)
    }
  }
}

extension VectorMetric {
  /// hnswlib's space for the metric: cosine is `1 − dot` on the normalised vectors.
  var hnswSpace: loupe_hnsw_space {
    switch self {
    case .cosine: LOUPE_HNSW_INNER_PRODUCT
    case .l2: LOUPE_HNSW_L2
    }
  }
}
