/// Why a library request was refused; every message is safe to show to the client. The HTTP edge
/// maps each case to its status and the AI-Mage Search error code.
public enum LibraryFailure: Error, Equatable, Sendable, CustomStringConvertible {
  /// 404 `NOT_FOUND`: missing, or another project's.
  case notFound(String)
  /// 400 `VALIDATION_ERROR`.
  case invalid(String)
  /// 409 `REFERENCE_IMAGE_NOT_EMBEDDED`: a search named a reference image that is not ready.
  case referenceImageNotEmbedded(String)
  /// 409 `CONFLICT`: the request contradicts the resource's state.
  case conflict(String)
  /// 403 `FORBIDDEN`: an upload or media URL that is not (or no longer) valid.
  case invalidSignedURL
  /// 413 `PAYLOAD_TOO_LARGE`.
  case tooLarge(limit: Int)
  /// 503: a model the request needs is not loaded.
  case unavailable(String)

  public var description: String {
    switch self {
    case .notFound(let what): "\(what) not found"
    case .invalid(let message), .conflict(let message), .unavailable(let message): message
    case .referenceImageNotEmbedded(let id): "reference image \(id) is not embedded yet; wait until it is ready"
    case .invalidSignedURL: "this URL is invalid or has expired"
    case .tooLarge(let limit): "the upload is larger than its limit of \(limit) bytes"
    }
  }
}
