/// The `message` texts the job system itself writes; handlers add their own steps.
public enum JobMessage {
  public static let queued = "queued"
  public static let started = "started"
  public static let success = "success"
  public static let requeuedAfterRestart = "requeued after an interrupted run"
  public static let requeuedAtShutdown = "requeued at server shutdown"
  /// A job that failed on an error no handler expected; the server log has the error.
  public static let unexpectedFailure = "internal error; the server log has the details under this job's id"

  public static func interrupted(times: Int) -> String {
    "the job was interrupted \(times) times (the server stopped or crashed while running it); not retried again"
  }
}
