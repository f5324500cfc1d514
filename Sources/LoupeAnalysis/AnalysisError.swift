/// Why an analysis produced no result. The server maps each case to its PAI status, so the split
/// follows what the caller can do about it: fix the input (462) or report a server fault (422).
public enum AnalysisError: Error, Equatable, Sendable {
  case invalidInput(String)
  case modelFailure(String)
}
