/// Why a library media record could not be written.
public enum LibraryMediaError: Error, Equatable, Sendable, CustomStringConvertible {
  case uploadNotFound(String)
  case uploadAlreadyRegistered(String)
  case uploadKindMismatch(String)

  public var description: String {
    switch self {
    case .uploadNotFound(let key): "no upload \(key.debugDescription) in this project"
    case .uploadAlreadyRegistered(let key): "upload \(key.debugDescription) is already registered"
    case .uploadKindMismatch(let key): "upload \(key.debugDescription) was made for another kind of resource"
    }
  }
}
