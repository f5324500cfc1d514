/// Why a project or key could not be created, found or changed.
public enum LibraryError: Error, Equatable, Sendable, CustomStringConvertible {
  case invalidName(String)
  case duplicateProjectName(String)
  case projectNotFound(String)
  case keyNotFound(String)
  case noProjects
  case invalidExpiry(Int)

  public var description: String {
    switch self {
    case .invalidName(let name): "name must be 1–100 printable characters, got \(name.debugDescription)"
    case .duplicateProjectName(let name): "a project named \(name.debugDescription) already exists"
    case .projectNotFound(let project): "no project with id or name \(project.debugDescription)"
    case .keyNotFound(let id): "no key with id \(id.debugDescription)"
    case .noProjects: "a key needs at least one project"
    case .invalidExpiry(let days): "expiry must be a positive number of days, got \(days)"
    }
  }
}
