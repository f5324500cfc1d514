import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// The CLI's client of a server's key APIs (`/v1/embeddings`, `/v1/collections`): JSON in and
/// out with `Authorization: Bearer`, errors turned into one readable line.
struct KeyAPIClient {
  let baseURL: String
  let key: String
  let projectID: String?
  let client = HTTPClient.shared

  /// Sends `body` (a JSON value or nothing) and answers the decoded JSON response.
  func call(_ method: HTTPMethod, _ path: String, body: Any? = nil) async throws -> Any {
    var url = baseURL + path
    if let projectID {
      url += (path.contains("?") ? "&" : "?") + "project_id=" + projectID
    }
    var request = HTTPClientRequest(url: url)
    request.method = method
    request.headers.add(name: "Authorization", value: "Bearer \(key)")
    if let body {
      request.headers.add(name: "Content-Type", value: "application/json")
      request.body = .bytes(ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body)))
    }
    let response: HTTPClientResponse
    do {
      response = try await client.execute(request, timeout: .seconds(600))
    } catch {
      throw CLIError("cannot reach \(baseURL): \(error)")
    }
    let bytes = try await response.body.collect(upTo: 256 << 20)
    let json = try? JSONSerialization.jsonObject(with: Data(bytes.readableBytesView), options: [.fragmentsAllowed])
    guard (200..<300).contains(response.status.code) else {
      let message = ((json as? [String: Any])?["error"] as? [String: Any])?["message"] as? String
      throw CLIError("\(response.status.code): \(message ?? String(buffer: bytes))")
    }
    guard let json else { throw CLIError("the server answered something that is not JSON") }
    return json
  }
}
