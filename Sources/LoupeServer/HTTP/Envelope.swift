import Foundation
import Hummingbird
import LoupeServices

/// PAI's response envelope: `{request_id, code, message, data}`.
struct Envelope<Payload: Encodable>: Encodable {
  var requestID: String
  var code: String
  var message: String
  var data: Payload?

  enum CodingKeys: String, CodingKey {
    case requestID = "request_id"
    case code, message, data
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(requestID, forKey: .requestID)
    try container.encode(code, forKey: .code)
    try container.encode(message, forKey: .message)
    if let data { try container.encode(data, forKey: .data) } else { try container.encodeNil(forKey: .data) }
  }
}

enum EnvelopeResponse {
  static func success(_ payload: some Encodable, requestID: String) throws -> Response {
    try response(status: .ok, Envelope(requestID: requestID, code: "OK", message: "success", data: payload))
  }

  static func failure(_ error: PAIError, requestID: String) -> Response {
    let envelope = Envelope<String>(requestID: requestID, code: error.code, message: error.message, data: nil)
    // Encoding an envelope of strings cannot fail.
    return (try? response(status: error.status, envelope)) ?? Response(status: error.status)
  }

  private static func response(status: HTTPResponse.Status, _ envelope: some Encodable) throws -> Response {
    let bytes = try WireJSON.data(envelope)
    return Response(
      status: status,
      headers: [.contentType: "application/json; charset=utf-8"],
      body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes))
    )
  }
}
