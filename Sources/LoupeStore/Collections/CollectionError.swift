/// Why a collection or row operation was refused.
public enum CollectionError: Error, Equatable, Sendable, CustomStringConvertible {
  case alreadyExists(String)
  case duplicateKey(String)
  case missingKey

  public var description: String {
    switch self {
    case .alreadyExists(let name): "a collection named \(name.debugDescription) already exists"
    case .duplicateKey(let key): "a row with primary key \(key) already exists"
    case .missingKey: "the primary key is required"
    }
  }
}
