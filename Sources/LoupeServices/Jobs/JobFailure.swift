import LoupeAnalysis
import LoupeJobs
import LoupeMedia

/// How a job's errors read in its `message`, in PAI's words where PAI has them, and whether
/// trying again could help. Every job handler reports its failures through this one mapping.
enum JobFailure {
  /// Cancellation and a lost lease end a run without an outcome of its own.
  static func isInterruption(_ error: any Error) -> Bool {
    error is CancellationError || error is JobLeaseLost || (error as? VideoError) == .cancelled
  }

  /// `error` as the worker pool takes it: a `JobError` saying whether a later try may succeed,
  /// or the interruption itself. With `retrying: false`, faults that may pass fail the job too.
  static func classify(_ error: any Error, retrying: Bool = true) -> any Error {
    switch error {
    case is CancellationError, is JobLeaseLost, is JobError:
      return error
    case VideoError.cancelled:
      return CancellationError()
    case let error as FetchError:
      let message = "failed to download video, err=\(error)"
      return retrying && isTransient(error) ? JobError.transient(message) : JobError.permanent(message)
    case let error as DownloadFailure:
      let message = "failed to download \(error.subject), err=\(error.cause)"
      return retrying && isTransient(error.cause) ? JobError.transient(message) : JobError.permanent(message)
    case let error as InputError:
      return JobError.permanent(error.description)
    case let error as ServiceError:
      return JobError.permanent(error.description)
    case let error as VideoError:
      return JobError.permanent("Invalid Input - video data error - load video failed: \(error)")
    case let error as ImageError:
      return JobError.permanent("Image decode error: \(error)")
    case AnalysisError.invalidInput(let message):
      return JobError.permanent("Invalid Input - \(message)")
    case AnalysisError.modelFailure(let message), AnalysisError.modelFault(let message, _):
      return JobError.permanent("model failure: \(message)")
    case let error as PortraitError:
      return JobError.permanent(error.description)
    default:
      // Unexpected: the worker pool logs it in full and gives the job a stable message.
      return error
    }
  }

  /// Faults of the network or the remote server that a later try may not meet.
  static func isTransient(_ error: FetchError) -> Bool {
    switch error {
    case .timedOut, .transport: true
    case .status(let code): code >= 500 || code == 408 || code == 429
    default: false
    }
  }
}

/// A fetch that failed for a job's secondary input (an image of a multimodal post), so its
/// message names an image rather than the video.
struct DownloadFailure: Error {
  var subject: String
  var cause: FetchError
}
