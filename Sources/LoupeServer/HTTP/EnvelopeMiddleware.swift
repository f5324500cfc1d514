import HTTPTypes
import Hummingbird
import Logging
import LoupeAnalysis
import LoupeMedia

/// Turns every error thrown below it into a PAI envelope carrying the request id, so clients
/// never see a bare status or a framework error text; unexpected errors are logged in full and
/// reported as a model-side failure.
struct EnvelopeMiddleware: RouterMiddleware {
  typealias Context = LoupeRequestContext

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    var response: Response
    do {
      response = try await next(request, context)
    } catch {
      let paiError = Self.paiError(for: error)
      // A PAIError thrown on purpose is an answer (PAI even answers some with 500); only
      // unexpected errors and model failures are the server's to fix.
      if !(error is PAIError) && (paiError.status.code >= 500 || paiError.status == .unprocessableContent) {
        context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
      } else {
        context.logger.info("request refused", metadata: ["error": "\(paiError)"])
      }
      response = EnvelopeResponse.failure(paiError, requestID: context.requestID)
    }
    response.headers[.requestID] = context.requestID
    return response
  }

  static func paiError(for error: any Error) -> PAIError {
    switch error {
    case let error as PAIError: return error
    case let error as FetchError:
      return error.isPolicyRefusal
        ? .parameter("image: \(error)") : .invalidInput("failed to download image, err=\(error)")
    case let error as InputError: return error.paiError
    case let error as ImageError: return .invalidInput("Image decode error: \(error)")
    case let error as AnalysisError:
      switch error {
      case .invalidInput(let message): return .invalidInput(message)
      case .modelFailure(let message): return .modelFailure(message)
      }
    case let error as HTTPError:
      switch error.status {
      case .notFound: return .notFound
      case .methodNotAllowed:
        return PAIError(status: .methodNotAllowed, code: "PARAMETER_ERROR", message: "method not allowed")
      default: return PAIError(status: error.status, code: "PARAMETER_ERROR", message: error.body ?? "\(error.status)")
      }
    default: return .modelFailure(String(describing: error))
    }
  }
}

extension HTTPField.Name {
  static let requestID = HTTPField.Name("X-Request-Id")!
  static let requestTime = HTTPField.Name("X-Request-Time")!
}
