/// Why a blob was not stored.
public enum BlobError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The app's blobs already hold `used` bytes and this one would take them past `limit`.
  case quotaExceeded(limit: Int, used: Int)

  public var description: String {
    switch self {
    case .quotaExceeded(let limit, let used):
      "blob storage quota exceeded: the app's blobs hold \(used) of \(limit) bytes; delete some (DELETE /v1/blobs/{sha256})"
    }
  }
}
