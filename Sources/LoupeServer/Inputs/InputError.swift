/// A media URL the server cannot use, named so the client can fix it.
public enum InputError: Error, Equatable, CustomStringConvertible {
  case missing(field: String)
  case malformed(field: String, reason: String)
  case fileOutsideMediaRoots(String)
  case fileUnreadable(String)
  case blobNotFound(String)
  case tooLarge(limit: Int)

  public var description: String {
    switch self {
    case .missing(let field): "\(field) is required"
    case .malformed(let field, let reason): "\(field): \(reason)"
    case .fileOutsideMediaRoots(let path): "file \(path) is not under a configured media root"
    case .fileUnreadable(let path): "cannot read file \(path)"
    case .blobNotFound(let id): "no uploaded blob \(id)"
    case .tooLarge(let limit): "input is larger than \(limit) bytes"
    }
  }

  var paiError: PAIError {
    switch self {
    case .fileUnreadable, .blobNotFound, .tooLarge: .invalidInput(description)
    default: .parameter(description)
    }
  }
}
