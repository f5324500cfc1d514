import Hummingbird
import LoupeServices

/// A key-API success: the payload itself as JSON (these APIs have no envelope).
enum KeyAPIResponse {
  static func json(_ payload: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
    Response(
      status: status,
      headers: [.contentType: "application/json; charset=utf-8"],
      body: ResponseBody(byteBuffer: ByteBuffer(bytes: try WireJSON.data(payload)))
    )
  }
}
