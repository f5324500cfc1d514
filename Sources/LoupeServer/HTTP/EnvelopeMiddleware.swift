import HTTPTypes
import Hummingbird
import Logging

/// Turns every error thrown below it into its API's error shape (`ErrorDialect`: PAI's envelope,
/// or the key APIs' `{"error": …}`) carrying the request id, so clients never see a bare status
/// or a framework error text; unexpected errors are logged in full and reported without detail.
struct EnvelopeMiddleware: RouterMiddleware {
  typealias Context = LoupeRequestContext

  func handle(
    _ request: Request,
    context: Context,
    next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    var response: Response
    do {
      response = try await next(request, context)
    } catch {
      let paiError = PAIError(error)
      // A PAIError thrown on purpose is an answer (PAI even answers some with 500); only
      // unexpected errors and model failures are the server's to fix.
      if !(error is PAIError || error is KeyAPIError)
        && (paiError.status.code >= 500 || paiError.status == .unprocessableContent)
      {
        context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
      } else {
        context.logger.info(
          "request refused",
          metadata: ["error": "\(paiError)", "cause": "\(String(reflecting: error))"]
        )
      }
      response = try ErrorDialect(path: request.uri.path).response(for: error, request: request, context: context)
    }
    response.headers[.requestID] = context.requestID
    return response
  }
}

extension HTTPField.Name {
  static let requestID = HTTPField.Name("X-Request-Id")!
  static let requestTime = HTTPField.Name("X-Request-Time")!
}
