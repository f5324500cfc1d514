import AsyncHTTPClient
import Foundation
import Hummingbird
import Logging
import LoupeRuntime
import LoupeServer
import LoupeStore
import LoupeTestSupport
import NIOCore
import NIOHTTP1
import ServiceLifecycle

/// A real `loupe serve` application on a loopback port, with a fresh data directory and one
/// minted app; torn down through graceful shutdown.
struct TestServer {
  let port: Int
  let app: AppRecord
  let database: LoupeDatabase
  var baseURL: String { "http://127.0.0.1:\(port)" }

  static func run(
    analysis: any ImageAnalysisService = FixedImageAnalysis(),
    videoAnalysis: any VideoAnalysisService = FixedVideoAnalysis(),
    portraits: (any PortraitService)? = nil,
    configure: (inout ServerConfiguration) -> Void = { _ in },
    dailyQuota: Int? = nil,
    _ body: @escaping (TestServer) async throws -> Void
  ) async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-server-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let database = try LoupeDatabase(directory: directory)
    let app = try await AppRepository(database: database).create(name: "test", dailyQuota: dailyQuota)
    var configuration = ServerConfiguration(dataDirectory: directory)
    configuration.port = 0
    configure(&configuration)
    var logger = Logger(label: "loupe-test")
    logger.logLevel = .warning
    let (ports, portContinuation) = AsyncStream<Int>.makeStream()
    let application = try buildApplication(
      configuration: configuration,
      dependencies: ServerDependencies(
        database: database, analysis: analysis, videoAnalysis: videoAnalysis, portraits: portraits),
      logger: logger, onServerRunning: { portContinuation.yield($0) })
    try await runUntilDone(application, logger: logger) {
      var iterator = ports.makeAsyncIterator()
      let port = await iterator.next()!
      try await body(TestServer(port: port, app: app, database: database))
    }
  }

  /// A signed request, as the PAI SDKs make it; `token` overrides the app's for negative tests.
  func request(
    _ method: HTTPMethod = .POST, _ path: String, body: String? = nil, bytes: [UInt8]? = nil, appID: String? = nil,
    token: String? = nil, headers: [(String, String)] = []
  ) async throws -> TestResponse {
    let payload = bytes ?? Array((body ?? "").utf8)
    var request = HTTPClientRequest(url: baseURL + path)
    request.method = method
    let signature = RequestSignature.sign(
      method: method.rawValue, path: path, body: payload, token: token ?? app.token)
    request.headers.add(name: "Authorization", value: "\(appID ?? app.id):\(signature)")
    request.headers.add(name: "Content-Type", value: "application/json")
    for (name, value) in headers { request.headers.add(name: name, value: value) }
    if !payload.isEmpty { request.body = .bytes(ByteBuffer(bytes: payload)) }
    return try await TestResponse.fetch(request)
  }
}

struct TestResponse {
  let status: Int
  let headers: [(String, String)]
  let text: String

  var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:] }
  var code: String? { json["code"] as? String }
  var message: String? { json["message"] as? String }
  var data: [String: Any]? { json["data"] as? [String: Any] }

  func header(_ name: String) -> String? {
    headers.first { $0.0.lowercased() == name.lowercased() }?.1
  }

  static func fetch(_ request: HTTPClientRequest) async throws -> TestResponse {
    let response = try await HTTPClient.shared.execute(request, timeout: .seconds(120))
    var body = try await response.body.collect(upTo: 64 << 20)
    return TestResponse(
      status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) },
      text: body.readString(length: body.readableBytes) ?? "")
  }
}
