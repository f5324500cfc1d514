import LoupeAnalysis
import LoupeJobs
import LoupeMedia

/// How a video job's errors read in its `message`, in PAI's words where PAI has them, and
/// whether trying again could help.
enum VideoJobFailure {
  static func classify(_ error: any Error) -> any Error {
    switch error {
    case is CancellationError, is JobLeaseLost, is JobError:
      return error
    case let error as FetchError:
      let message = "failed to download video, err=\(error)"
      return isTransient(error) ? JobError.transient(message) : JobError.permanent(message)
    case let error as InputError:
      return JobError.permanent(error.description)
    case VideoError.cancelled:
      return CancellationError()
    case let error as VideoError:
      return JobError.permanent("Invalid Input - video data error - load video failed: \(error)")
    case let error as ImageError:
      return JobError.permanent("Image decode error: \(error)")
    case AnalysisError.invalidInput(let message):
      return JobError.permanent("Invalid Input - \(message)")
    case AnalysisError.modelFailure(let message):
      return JobError.permanent("model failure: \(message)")
    default:
      return JobError.permanent(String(describing: error))
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
