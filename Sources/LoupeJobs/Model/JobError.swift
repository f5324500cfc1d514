/// What a job handler throws to say how its failure should be treated. Any other error fails the
/// job for good with the error's description.
public enum JobError: Error, Equatable, CustomStringConvertible {
  /// Worth another try later (a download timed out, a server answered 503).
  case transient(String)
  /// Trying again cannot help (bad input, a missing file, a refused URL).
  case permanent(String)

  public var description: String {
    switch self {
    case .transient(let message), .permanent(let message): message
    }
  }
}
