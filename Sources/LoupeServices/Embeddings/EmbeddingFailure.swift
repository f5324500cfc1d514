import LoupeAnalysis
import LoupeMedia

/// Why one input could not be embedded, in words safe to show its sender: the request's fault
/// (`invalid`) or the input's content or source (`unusable`).
public enum EmbeddingFailure: Error, Equatable, Sendable, CustomStringConvertible {
  case invalid(String)
  case unusable(String)

  /// The failure an input's error stands for; rethrows errors that are not the input's (a busy
  /// server, a fault), which fail the whole call.
  init(_ error: any Error) throws {
    switch error {
    case let error as EmbeddingFailure: self = error
    case let error as InputError:
      self = error.isRequestFault ? .invalid(error.description) : .unusable(error.description)
    case let error as FetchError:
      self = error.isPolicyRefusal ? .invalid("image: \(error)") : .unusable("failed to download image: \(error)")
    case let error as ImageError: self = .unusable("image cannot be decoded: \(error)")
    case let error as AnalysisError:
      guard case .invalidInput(let message) = error else { throw error }
      self = .unusable(message)
    case let error as ServiceError:
      guard case .invalidInput(let message) = error else { throw error }
      self = .unusable(message)
    default: throw error
    }
  }

  public var description: String {
    switch self {
    case .invalid(let message), .unusable(let message): message
    }
  }
}
