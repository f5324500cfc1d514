/// A media URL the server cannot use, named so the client can fix it.
public enum InputError: Error, Equatable, CustomStringConvertible {
  case missing(field: String)
  case malformed(field: String, reason: String)
  case fileOutsideMediaRoots(String)
  /// The fetch policy does not allow the URL (scheme, or an address it resolves to).
  case refused(field: String, reason: String)
  case fileUnreadable(String)
  case blobNotFound(String)
  case tooLarge(limit: Int)

  public var description: String {
    switch self {
    case .missing(let field): "\(field) is required"
    case .malformed(let field, let reason): "\(field): \(reason)"
    case .fileOutsideMediaRoots(let path): "file \(path) is not under a configured media root"
    case .refused(let field, let reason): "\(field): \(reason)"
    case .fileUnreadable(let path): "cannot read file \(path)"
    case .blobNotFound(let id): "no uploaded blob \(id)"
    case .tooLarge(let limit): "input is larger than \(limit) bytes"
    }
  }

  /// Whether the request itself is at fault (a missing, malformed or forbidden URL), as opposed
  /// to an input that was named correctly but cannot be read or is too large.
  public var isRequestFault: Bool {
    switch self {
    case .missing, .malformed, .fileOutsideMediaRoots, .refused: true
    case .fileUnreadable, .blobNotFound, .tooLarge: false
    }
  }
}
