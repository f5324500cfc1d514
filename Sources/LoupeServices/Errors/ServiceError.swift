/// Why the application refused or could not carry out a request, independent of any wire
/// protocol. The HTTP edge renders each case as its API's error, in one place.
public enum ServiceError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A request parameter is missing, of the wrong type or out of range; the message names it.
  case invalidParameter(String)
  /// The action or model name is not one this server runs.
  case modelNotFound
  /// An input the request names cannot be used (undecodable, unreadable, no face where one is
  /// needed); the message says which and why.
  case invalidInput(String)
  /// A trained identity that is unknown, untrained, failed, or another app's.
  case identityUnavailable
  case jobNotFound
  /// A named resource (a collection, a row) that does not exist for the caller.
  case notFound(String)
  /// The request clashes with what exists (a collection of that name).
  case conflict(String)
  case batchNotFound
  /// `running` analyses are running and `waiting` more wait: the request was not started.
  case busy(running: Int, waiting: Int)
  /// The app's daily quota has fewer units left than the request costs (`DailyQuota`).
  case quotaExceeded
  /// Queuing the request's `submitted` jobs would take the app's unfinished (queued or running)
  /// jobs, `unfinished` now, over `limit` (`JobAdmission`). Worth retrying once some finish.
  case tooManyUnfinishedJobs(unfinished: Int, submitted: Int, limit: Int)

  public var description: String {
    switch self {
    case .invalidParameter(let message), .invalidInput(let message): message
    case .modelNotFound: "model not found"
    case .identityUnavailable: "identity unavailable"
    case .jobNotFound: "job not found"
    case .notFound(let what): "\(what) not found"
    case .conflict(let message): message
    case .batchNotFound: "batch not found"
    case .busy(let running, let waiting):
      "server busy: \(running) analyses running and \(waiting) waiting; retry in a moment"
    case .quotaExceeded: "exceeded quota"
    case .tooManyUnfinishedJobs(let unfinished, let submitted, let limit):
      "too many unfinished jobs: the app has \(unfinished) queued or running, and \(submitted) more would exceed "
        + "its limit of \(limit); retry when some have finished"
    }
  }
}
