/// Why an analysis produced no result. The server maps each case to its PAI status, so the split
/// follows what the caller can do about it: fix the input (462) or report a server fault (422).
public enum AnalysisError: Error, Equatable, Sendable {
  case invalidInput(String)
  case modelFailure(String)
  /// A model that failed while running. `step` is what clients are told ("tagging models
  /// failed"); `detail`, the runtime's own error, may name files on the server and is for the log
  /// only.
  case modelFault(step: String, detail: String)

  /// A runtime error met in `step`, wrapped so that its detail stays out of client messages.
  public static func fault(in step: String, _ error: any Error) -> AnalysisError {
    if let error = error as? AnalysisError { return error }
    return .modelFault(step: step, detail: String(describing: error))
  }
}
