import Hummingbird
import LoupeAnalysis
import LoupeMedia
import LoupeServices
import LoupeStore

extension PAIError {
  /// The one place where the application's errors become PAI's statuses, codes and messages:
  /// 400 for requests at fault (and, as PAI has it, for a spent quota), 404 for what does not
  /// exist, 429 for an app with too many unfinished jobs, 462 for inputs that cannot be used,
  /// 469 for portraits that cannot be made, 500 for unknown identities (PAI's choice), 503 when
  /// the server is at capacity, and 422
  /// for failures of the models and anything unexpected.
  public init(_ error: any Error) {
    switch error {
    case let error as PAIError: self = error
    case let error as ServiceError: self = Self.mapping(error)
    case let error as InputError:
      self = error.isRequestFault ? .parameter(error.description) : .invalidInput(error.description)
    case let error as FetchError:
      self =
        error.isPolicyRefusal
        ? .parameter("image: \(error)") : .invalidInput("failed to download image, err=\(error)")
    case let error as ImageError: self = .invalidInput("Image decode error: \(error)")
    case let error as BlobError:
      switch error {
      case .quotaExceeded:
        self = PAIError(status: .badRequest, code: "EXCEEDED_QUOTA_ERROR", message: error.description)
      }
    case let error as AnalysisError:
      switch error {
      case .invalidInput(let message): self = .invalidInput(message)
      case .modelFailure(let message), .modelFault(let message, _): self = .modelFailure(message)
      }
    case let error as PortraitError:
      switch error {
      case .faceCountMismatch, .noUsablePhoto: self = .processingFailure(error.description)
      case .templateUndecodable, .noFaceInTemplate: self = .invalidInput(error.description)
      }
    case let error as HTTPError:
      switch error.status {
      case .notFound: self = .notFound
      case .methodNotAllowed:
        self = PAIError(status: .methodNotAllowed, code: "PARAMETER_ERROR", message: "method not allowed")
      default: self = PAIError(status: error.status, code: "PARAMETER_ERROR", message: error.body ?? "\(error.status)")
      }
    // Unexpected errors may carry SQL, file paths or addresses: the client gets a stable text,
    // the log (with the request id) gets the error itself.
    default: self = .modelFailure(PAIError.unexpectedFailureMessage)
    }
  }

  private static func mapping(_ error: ServiceError) -> PAIError {
    switch error {
    case .invalidParameter(let message): .parameter(message)
    case .modelNotFound: .modelNotFound
    case .invalidInput(let message): .invalidInput(message)
    case .identityUnavailable: .identityUnavailable
    case .jobNotFound: .jobNotFound
    case .notFound: PAIError(status: .notFound, code: "PARAMETER_ERROR", message: error.description)
    case .conflict: PAIError(status: .conflict, code: "PARAMETER_ERROR", message: error.description)
    case .batchNotFound: .batchNotFound
    case .busy: .busy(error.description)
    case .quotaExceeded: .quotaExceeded
    case .tooManyUnfinishedJobs: .tooManyUnfinishedJobs(error.description)
    }
  }
}
