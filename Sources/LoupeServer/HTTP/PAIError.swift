import Foundation
import HTTPTypes
import Hummingbird

/// An error as PAI reports it: HTTP status, envelope `code` and `message`. Every failure leaves
/// the server as one of these (`PAIError(_:)` maps the application's errors to them), rendered
/// as PAI's envelope by Hummingbird through `HTTPResponseError`.
public struct PAIError: Error, Equatable, Sendable, CustomStringConvertible {
  public var status: HTTPResponse.Status
  public var code: String
  public var message: String

  public init(status: HTTPResponse.Status, code: String, message: String) {
    self.status = status
    self.code = code
    self.message = message
  }

  public var description: String { "\(status.code) \(code): \(message)" }

  public static func parameter(_ message: String) -> PAIError {
    PAIError(status: .badRequest, code: "PARAMETER_ERROR", message: message)
  }

  public static let unknownApp = parameter("not found appid")
  public static let badSignature = PAIError(status: .unauthorized, code: "PARAMETER_ERROR", message: "sign error")
  public static let modelNotFound = PAIError(status: .notFound, code: "PARAMETER_ERROR", message: "model not found")
  public static let quotaExceeded = PAIError(
    status: .badRequest,
    code: "EXCEEDED_QUOTA_ERROR",
    message: "exceeded quota"
  )
  /// 429: queuing the request's jobs would take the app over its limit of unfinished jobs
  /// (`jobs.max_unfinished_per_app`); the message gives the numbers. PAI has no such limit, so
  /// the code is Loupe's, in PAI's style; clients retry once some of their jobs have finished.
  public static func tooManyUnfinishedJobs(_ message: String) -> PAIError {
    PAIError(status: .tooManyRequests, code: "TOO_MANY_JOBS_ERROR", message: message)
  }

  public static let notFound = PAIError(status: .notFound, code: "PARAMETER_ERROR", message: "not found")
  public static let jobNotFound = PAIError(status: .notFound, code: "PARAMETER_ERROR", message: "job not found")
  public static let batchNotFound = PAIError(status: .notFound, code: "PARAMETER_ERROR", message: "batch not found")
  public static let blobNotFound = PAIError(status: .notFound, code: "PARAMETER_ERROR", message: "blob not found")

  public static func bodyTooLarge(limit: Int) -> PAIError {
    PAIError(status: .contentTooLarge, code: "PARAMETER_ERROR", message: "request body exceeds \(limit) bytes")
  }

  /// 408: the body did not arrive in time (`BodyLimitMiddleware`).
  public static func bodyTimeout(_ timeout: Duration) -> PAIError {
    PAIError(
      status: .requestTimeout,
      code: "PARAMETER_ERROR",
      message: "request body not received within \(timeout.components.seconds) seconds"
    )
  }

  /// 503: at capacity (`AnalysisGate`, the buffered-body budget); nothing was started, and the
  /// response says when to retry.
  public static func busy(_ message: String) -> PAIError {
    PAIError(status: .serviceUnavailable, code: "SERVER_BUSY", message: message)
  }

  /// 462: the input cannot be used (undecodable image, no face where one is needed).
  public static func invalidInput(_ message: String) -> PAIError {
    PAIError(status: .init(code: 462, reasonPhrase: "Invalid Input"), code: "error", message: message)
  }

  /// 469: the input was valid but processing it failed (AI portraits).
  public static func processingFailure(_ message: String) -> PAIError {
    PAIError(status: .init(code: 469, reasonPhrase: "Processing Failure"), code: "error", message: message)
  }

  /// 500: AI portraits' answer for a `model_id` with no trained identity behind it, in PAI's words.
  public static let identityUnavailable = PAIError(
    status: .internalServerError,
    code: "error",
    message: "Face id image decord error. Pleace check the user's lora is trained or not."
  )

  /// What clients are told of an error the server did not expect; the log has the error itself
  /// under the request id.
  public static let unexpectedFailureMessage = "internal error; the server log has the details under this request id"

  /// 422: a model failed while running; PAI spells the code `SEVER_ERROR`.
  public static func modelFailure(_ message: String) -> PAIError {
    PAIError(status: .unprocessableContent, code: "SEVER_ERROR", message: message)
  }
}

extension PAIError: HTTPResponseError {
  /// PAI's envelope with no data, carrying the request id when the context has one.
  public func response(from request: Request, context: some RequestContext) throws -> Response {
    let requestID = (context as? LoupeRequestContext)?.requestID ?? (context as? AppRequestContext)?.requestID ?? ""
    var response = EnvelopeResponse.failure(self, requestID: requestID)
    response.headers[.requestID] = requestID
    if status == .serviceUnavailable { response.headers[.retryAfter] = "1" }
    return response
  }
}
