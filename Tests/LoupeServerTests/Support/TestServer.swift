import AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import LoupeAnalysis
import LoupeServer
import LoupeServices
import LoupeStore
import LoupeTestSupport
import NIOCore
import NIOHTTP1

/// The Loupe application over a fresh data directory with one minted app, its job workers
/// running beside it unless `runsJobs` is false (then submitted jobs stay queued). In-process by default (`.router`: requests go straight to the router, no
/// socket); `.live` binds a loopback port, for the official SDKs that need one. Torn down
/// through graceful shutdown.
struct TestServer: Sendable {
  let client: any TestClientProtocol
  let app: AppRecord
  let database: LoupeDatabase

  /// The live server's address (`.live` only).
  var baseURL: String { "http://127.0.0.1:\(client.port ?? 0)" }

  static func run(
    _ setup: TestingSetup = .router,
    analysis: any ImageAnalysisService = FixedImageAnalysis(),
    videoAnalysis: any VideoAnalysisService = FixedVideoAnalysis(),
    portraits: (any PortraitService)? = nil,
    embeddings: (any EmbeddingService)? = FixedEmbeddings(),
    clips: (any ClipAnalysisService)? = nil,
    speech: SpeechTranscriber? = nil,
    configure: (inout ServiceConfiguration) -> Void = { _ in },
    edge: (inout ServerConfiguration) -> Void = { _ in },
    dailyQuota: Int? = nil,
    runsJobs: Bool = true,
    _ body: @escaping @Sendable (TestServer) async throws -> Void
  ) async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-server-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let database = try LoupeDatabase(directory: directory)
    let app = try await AppRepository(database: database).create(name: "test", dailyQuota: dailyQuota)
    var configuration = ServiceConfiguration(dataDirectory: directory)
    // Fetches from the tests' image server bound progress, not speed: beside the whole suite on
    // two cores the loopback answer can wait longer than the production default of 20 s.
    configuration.fetch.timeout = .seconds(120)
    configure(&configuration)
    var server = ServerConfiguration()
    server.port = 0
    edge(&server)
    var logger = Logger(label: "loupe-test")
    logger.logLevel = .warning
    let services = try Services(
      configuration: configuration,
      database: database,
      engines: AnalysisEngines(
        images: analysis,
        videos: videoAnalysis,
        portraits: portraits,
        embeddings: embeddings,
        clips: clips,
        speech: speech.map { transcriber in LazySpeechTranscriber { transcriber } }
      )
    )
    let application = try buildApplication(
      configuration: server,
      services: services,
      backgroundServices: runsJobs ? [try services.workers(logger: logger)] : [],
      logger: logger
    )
    try await application.test(setup) { client in
      try await body(TestServer(client: client, app: app, database: database))
    }
  }

  /// A signed request, as the PAI SDKs make it; `token` overrides the app's for negative tests.
  func request(
    _ method: HTTPMethod = .POST,
    _ path: String,
    body: String? = nil,
    bytes: [UInt8]? = nil,
    appID: String? = nil,
    token: String? = nil,
    headers: [(String, String)] = []
  ) async throws -> ServerAnswer {
    let payload = bytes ?? Array((body ?? "").utf8)
    let signature = RequestSignature.sign(method: method.rawValue, path: path, body: payload, token: token ?? app.token)
    let signed = [("Authorization", "\(appID ?? app.id):\(signature)"), ("Content-Type", "application/json")]
    return try await send(method, path, bytes: payload, headers: signed + headers)
  }

  /// A new project and a Bearer key on it (and on `alsoOn`), for the key APIs.
  func key(
    project name: String = "project-\(UUID().uuidString.prefix(8))",
    alsoOn: [String] = [],
    readOnly: Bool = false
  ) async throws -> (key: String, project: ProjectRecord) {
    let library = LibraryRepository(database: database)
    let project = try await library.createProject(name: name)
    let issued = try await library.createKey(name: "test", projects: [project.id] + alsoOn, readOnly: readOnly)
    return (issued.secret.text, project)
  }

  /// A key-API request: JSON `body` (if any) with `Authorization: Bearer key`.
  func keyed(_ method: HTTPMethod, _ path: String, key: String, body: String? = nil) async throws -> ServerAnswer {
    try await send(
      method,
      path,
      bytes: Array((body ?? "").utf8),
      headers: [("Authorization", "Bearer \(key)"), ("Content-Type", "application/json")]
    )
  }

  /// A request as given, signed or not.
  func send(
    _ method: HTTPMethod,
    _ path: String,
    bytes: [UInt8] = [],
    headers: [(String, String)] = []
  ) async throws
    -> ServerAnswer
  {
    if client.port != nil {
      // Live: through a real HTTP client without the test client's short read timeout, since
      // live-model requests may take longer beside the rest of the suite.
      var request = HTTPClientRequest(url: baseURL + path)
      request.method = method
      for (name, value) in headers { request.headers.add(name: name, value: value) }
      if !bytes.isEmpty { request.body = .bytes(ByteBuffer(bytes: bytes)) }
      let response = try await HTTPClient.shared.execute(request, timeout: .seconds(120))
      var body = try await response.body.collect(upTo: 64 << 20)
      return ServerAnswer(
        status: Int(response.status.code),
        headers: response.headers.map { ($0.name, $0.value) },
        text: body.readString(length: body.readableBytes) ?? ""
      )
    }
    var fields = HTTPFields()
    for (name, value) in headers { fields.append(HTTPField(name: HTTPField.Name(name)!, value: value)) }
    let response = try await client.executeRequest(
      uri: path,
      method: HTTPRequest.Method(method.rawValue)!,
      headers: fields,
      body: bytes.isEmpty ? nil : ByteBuffer(bytes: bytes)
    )
    return ServerAnswer(
      status: Int(response.status.code),
      headers: response.headers.map { ($0.name.rawName, $0.value) },
      text: String(buffer: response.body)
    )
  }
}

/// A response as the tests read it: status, headers and the envelope's fields.
struct ServerAnswer {
  let status: Int
  let headers: [(String, String)]
  let text: String

  var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:] }
  var code: String? { json["code"] as? String }
  var message: String? { json["message"] as? String }
  var data: [String: Any]? { json["data"] as? [String: Any] }
  /// The key APIs' `{"error": {"code", "message"}}`.
  var errorCode: String? { (json["error"] as? [String: Any])?["code"] as? String }
  var errorMessage: String? { (json["error"] as? [String: Any])?["message"] as? String }

  func header(_ name: String) -> String? {
    headers.first { $0.0.lowercased() == name.lowercased() }?.1
  }
}
