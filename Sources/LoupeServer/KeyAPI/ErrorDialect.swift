import Foundation
import HTTPTypes
import Hummingbird
import LoupeServices

/// The error shape a path's API speaks: PAI's envelope for the PAI API and the blob routes,
/// the AI-Mage Search shape under `/v0`, OpenAI's under `/v1/embeddings` and
/// `/v1/collections`. Chosen by path so that even a route that does not exist answers in its
/// API's shape.
enum ErrorDialect {
  case pai
  case aimage
  case openAI

  init(path: String) {
    if path == "/v0" || path.hasPrefix("/v0/") {
      self = .aimage
    } else if ["/v1/embeddings", "/v1/collections"].contains(where: { path == $0 || path.hasPrefix($0 + "/") }) {
      self = .openAI
    } else {
      self = .pai
    }
  }

  /// `error` rendered in this dialect, carrying the request id in a header.
  func response(for error: any Error, request: Request, context: LoupeRequestContext) throws -> Response {
    if self == .pai { return try PAIError(error).response(from: request, context: context) }
    let error = KeyAPIError(error)
    let body: Data
    switch self {
    case .aimage:
      body = try WireJSON.data(["error": ["code": error.code, "message": error.message]])
    default:
      body = try WireJSON.data([
        "error": ["message": error.message, "type": Self.openAIType(error.status), "code": error.code.lowercased()]
      ])
    }
    var response = Response(
      status: error.status,
      headers: [.contentType: "application/json; charset=utf-8"],
      body: ResponseBody(byteBuffer: ByteBuffer(bytes: body))
    )
    if error.status == .serviceUnavailable { response.headers[.retryAfter] = "1" }
    return response
  }

  private static func openAIType(_ status: HTTPResponse.Status) -> String {
    switch status.code {
    case 401: "authentication_error"
    case 403: "permission_error"
    case 404: "not_found_error"
    case 429: "rate_limit_error"
    case 500...: "server_error"
    default: "invalid_request_error"
    }
  }
}
