import Foundation
import HTTPTypes
import Hummingbird
import LoupeServices

/// An error of the Bearer-key APIs (`/v0` and Loupe's `/v1/embeddings`, `/v1/collections`):
/// an HTTP status with a stable upper-case code and a message. `/v0` renders it as the AI-Mage
/// Search API does, `{"error": {"code", "message"}}`; the OpenAI-style APIs as
/// `{"error": {"message", "type", "code"}}` (`ErrorDialect`).
public struct KeyAPIError: Error, Equatable, Sendable, CustomStringConvertible {
  public var status: HTTPResponse.Status
  public var code: String
  public var message: String

  public init(status: HTTPResponse.Status, code: String, message: String) {
    self.status = status
    self.code = code
    self.message = message
  }

  public var description: String { "\(status.code) \(code): \(message)" }

  public static let invalidKey = KeyAPIError(
    status: .unauthorized,
    code: "UNAUTHORIZED",
    message: "missing, unknown, revoked or expired API key"
  )
  public static let readOnlyKey = KeyAPIError(
    status: .forbidden,
    code: "FORBIDDEN",
    message: "this API key is read-only"
  )

  public static func notFound(_ what: String) -> KeyAPIError {
    KeyAPIError(status: .notFound, code: "NOT_FOUND", message: "\(what) not found")
  }

  public static func validation(_ message: String) -> KeyAPIError {
    KeyAPIError(status: .badRequest, code: "VALIDATION_ERROR", message: message)
  }

  init(_ failure: LibraryFailure) {
    let message = failure.description
    switch failure {
    case .notFound: self.init(status: .notFound, code: "NOT_FOUND", message: message)
    case .invalid: self.init(status: .badRequest, code: "VALIDATION_ERROR", message: message)
    case .referenceImageNotEmbedded:
      self.init(status: .conflict, code: "REFERENCE_IMAGE_NOT_EMBEDDED", message: message)
    case .conflict: self.init(status: .conflict, code: "CONFLICT", message: message)
    case .invalidSignedURL: self.init(status: .forbidden, code: "FORBIDDEN", message: message)
    case .tooLarge: self.init(status: .contentTooLarge, code: "PAYLOAD_TOO_LARGE", message: message)
    case .unavailable: self.init(status: .serviceUnavailable, code: "SERVICE_UNAVAILABLE", message: message)
    }
  }

  /// 501: a part of the AI-Mage Search API that Loupe does not serve yet.
  public static func notImplemented(_ what: String) -> KeyAPIError {
    KeyAPIError(status: .notImplemented, code: "NOT_IMPLEMENTED", message: "\(what) is not implemented by this server")
  }

  /// The key-API error for any error: the application's errors are classified once, by
  /// `PAIError(_:)`, and given the status and code a REST client expects; unexpected errors keep
  /// their stable, detail-free message.
  public init(_ error: any Error) {
    if let error = error as? KeyAPIError {
      self = error
      return
    }
    if let failure = error as? LibraryFailure {
      self = Self(failure)
      return
    }
    let pai = PAIError(error)
    let (status, code): (HTTPResponse.Status, String) =
      switch pai.status.code {
      case 400:
        pai.code == "EXCEEDED_QUOTA_ERROR" ? (.tooManyRequests, "QUOTA_EXCEEDED") : (.badRequest, "VALIDATION_ERROR")
      case 401: (.unauthorized, "UNAUTHORIZED")
      case 404: (.notFound, "NOT_FOUND")
      case 405: (.methodNotAllowed, "METHOD_NOT_ALLOWED")
      case 409: (.conflict, "CONFLICT")
      case 408: (.requestTimeout, "REQUEST_TIMEOUT")
      case 413: (.contentTooLarge, "PAYLOAD_TOO_LARGE")
      case 429: (.tooManyRequests, "RATE_LIMITED")
      case 462: (.unprocessableContent, "INVALID_INPUT")
      case 469: (.unprocessableContent, "PROCESSING_FAILED")
      case 503: (.serviceUnavailable, "SERVER_BUSY")
      default: (.internalServerError, "INTERNAL_ERROR")
      }
    self.init(status: status, code: code, message: pai.message)
  }
}
