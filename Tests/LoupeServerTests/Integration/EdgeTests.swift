import Foundation
import LoupeServer
import LoupeServices
import LoupeStore
import LoupeTestSupport
import Testing

/// The HTTP edge over real HTTP with the deterministic analysis value: auth, envelope, limits and
/// inputs. The real models are exercised by `PAISDKTests`.
@Suite(.offCooperativePool) struct EdgeTests {
  static let qa = #"{"action": "ImageQA", "image": "IMAGE", "model_name": "", "configure": {}}"#

  static func qa(_ image: String) -> String { qa.replacingOccurrences(of: "IMAGE", with: image) }

  static func allowLoopback(_ configuration: inout ServiceConfiguration) {
    configuration.fetch.allowedNetworks = [IPNetwork("127.0.0.1/32")!]
  }

  @Test func healthAndMetricsNeedNoSignature() async throws {
    try await TestServer.run { server in
      let health = try await server.send(.GET, "/healthz")
      #expect(health.status == 200 && health.text.contains("ok"))
      _ = try await server.request(.POST, "/api/v1/images", body: "{}")
      let metrics = try await server.send(.GET, "/metrics")
      #expect(metrics.status == 200)
      #expect(metrics.text.contains("hb_requests"))
    }
  }

  @Test func everyResponseIsAnEnvelopeCarryingItsRequestID() async throws {
    try await ImageServer.run { images in
      try await TestServer.run(configure: Self.allowLoopback) { server in
        let ok = try await server.request(.POST, "/api/v1/images", body: Self.qa(images + "/chelsea.png"))
        #expect(ok.status == 200 && ok.code == "OK" && ok.message == "success")
        #expect(ok.data?["image_width"] as? Int == 451 && ok.data?["image_height"] as? Int == 300)
        #expect(ok.header("X-Request-Id") == ok.json["request_id"] as? String)
        let missing = try await server.send(.GET, "/nowhere")
        #expect(missing.status == 404 && missing.code == "PARAMETER_ERROR")
        #expect(missing.header("X-Request-Id") == missing.json["request_id"] as? String)
      }
    }
  }

  @Test func signaturesAppsAndQuotas() async throws {
    try await TestServer.run(dailyQuota: 2) { server in
      let body = Self.qa("data:,x")
      let wrongToken = try await server.request(.POST, "/api/v1/images", body: body, token: "not-the-token")
      #expect(wrongToken.status == 401 && wrongToken.message == "sign error")
      let unknown = try await server.request(.POST, "/api/v1/images", body: body, appID: "123")
      #expect(unknown.status == 400 && unknown.message == "not found appid")
      let unsigned = try await server.send(.POST, "/api/v1/images", bytes: Array(body.utf8))
      #expect(unsigned.message == "not found appid")
      let stale = try await server.request(
        .POST,
        "/api/v1/images",
        body: body,
        headers: [("X-Request-Time", "1000000000")]
      )
      #expect(stale.status == 400)

      // Go's SDK ends its JSON with a newline and signs exactly what it sends.
      let go = try await server.request(.POST, "/api/v1/images", body: body + "\n")
      #expect(go.status == 462, "\(go.text)")
      #expect(try await server.request(.POST, "/api/v1/images", body: body).status == 462)
      let overQuota = try await server.request(.POST, "/api/v1/images", body: body)
      #expect(
        overQuota.status == 400 && overQuota.code == "EXCEEDED_QUOTA_ERROR" && overQuota.message == "exceeded quota"
      )
    }
    try await TestServer.run { server in
      try await AppRepository(database: server.database).revoke(id: server.app.id)
      let revoked = try await server.request(.POST, "/api/v1/images", body: Self.qa("data:,x"))
      #expect(revoked.status == 400 && revoked.message == "not found appid")
    }
  }

  @Test func malformedBodiesAreParameterErrors() async throws {
    try await TestServer.run { server in
      let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
      let cases = [
        ("", "request body"), ("{not json", "not valid JSON"), (#"{"image": "x"}"#, "action"),
        (#"{"action": 5}"#, "action"), (#"{"action": "ImageQA", "configure": 3}"#, "configure"),
        (#"{"action": "ImageQA", "x": \#(deep)}"#, "deeper"), (#"{"action": "ImageQA"}"#, "image is required"),
      ]
      for (body, mention) in cases {
        let response = try await server.request(.POST, "/api/v1/images", body: body)
        #expect(response.status == 400, "\(body.prefix(40))")
        #expect(response.message?.contains(mention) == true, "\(response.text)")
      }
      let big = try await server.request(.POST, "/api/v1/images", body: String(repeating: " ", count: 17 << 20))
      #expect(big.status == 413 && big.code == "PARAMETER_ERROR")
      #expect(try await server.request(.POST, "/api/v1/images", body: "{}").status == 400)
    }
  }

  @Test func blobsFilesAndDataURIs() async throws {
    let dependencies = try #require(ServerFixtures.dependencies)
    let chelsea = dependencies.packageFile("skimage/data/chelsea.png")
    let photo = try Array(Data(contentsOf: chelsea))
    try await TestServer.run(configure: {
      $0.mediaRoots = [chelsea.deletingLastPathComponent().resolvingSymlinksInPath()]
    }) {
      server in
      let upload = try await server.request(.POST, "/v1/blobs", bytes: photo)
      #expect(upload.status == 200)
      let url = try #require(upload.data?["url"] as? String)
      #expect(url.hasPrefix("loupe://blob/"))
      #expect(try await server.request(.POST, "/api/v1/images", body: Self.qa(url)).data?["image_width"] as? Int == 451)

      let other = try await AppRepository(database: server.database).create(name: "other")
      let foreign = try await server.request(
        .POST,
        "/api/v1/images",
        body: Self.qa(url),
        appID: other.id,
        token: other.token
      )
      #expect(foreign.status == 462)

      let inline = "data:image/png;base64," + Data(photo).base64EncodedString()
      #expect(try await server.request(.POST, "/api/v1/images", body: Self.qa(inline)).status == 200)
      #expect(try await server.request(.POST, "/api/v1/images", body: Self.qa(chelsea.absoluteString)).status == 200)
      let outside = try await server.request(.POST, "/api/v1/images", body: Self.qa("file:///etc/passwd"))
      #expect(outside.status == 400 && outside.message?.contains("media root") == true)
      let garbage = try await server.request(.POST, "/api/v1/images", body: Self.qa("data:,garbage"))
      #expect(garbage.status == 462 && garbage.code == "error")

      let blobID = String(url.dropFirst("loupe://blob/".count))
      let deleted = try await server.request(.DELETE, "/v1/blobs/" + blobID)
      #expect(deleted.status == 200 && deleted.data?["blob_id"] as? String == blobID, "\(deleted.text)")
      #expect(try await server.request(.POST, "/api/v1/images", body: Self.qa(url)).status == 462)
      #expect(try await server.request(.DELETE, "/v1/blobs/" + blobID).status == 404)
    }
  }

  @Test func anAppsBlobsAreCapped() async throws {
    try await TestServer.run(configure: { $0.maxBlobBytesPerApp = 1000 }) { server in
      #expect(try await server.request(.POST, "/v1/blobs", bytes: Array(repeating: 1, count: 900)).status == 200)
      let over = try await server.request(.POST, "/v1/blobs", bytes: Array(repeating: 2, count: 900))
      #expect(over.status == 400 && over.code == "EXCEEDED_QUOTA_ERROR", "\(over.text)")
      #expect(over.message?.contains("900 of 1000 bytes") == true, "\(over.text)")
    }
  }

  @Test func privateAddressesAreRefusedOnEveryHop() async throws {
    try await ImageServer.run { images in
      try await TestServer.run { server in
        let direct = try await server.request(.POST, "/api/v1/images", body: Self.qa(images + "/chelsea.png"))
        #expect(direct.status == 400 && direct.message?.contains("private") == true)
        for address in ["http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://10.0.0.1/x.png"] {
          #expect(try await server.request(.POST, "/api/v1/images", body: Self.qa(address)).status == 400)
        }
      }
      try await TestServer.run(configure: Self.allowLoopback) { server in
        let allowed = images + "/redirect?to=" + images + "/coffee.png"
        #expect(try await server.request(.POST, "/api/v1/images", body: Self.qa(allowed)).status == 200)
        let port = URL(string: images)!.port!
        let sneaky = images + "/redirect?to=http://127.0.0.2:\(port)/coffee.png"
        let refused = try await server.request(.POST, "/api/v1/images", body: Self.qa(sneaky))
        #expect(refused.status == 400 && refused.message?.contains("127.0.0.2") == true)
        let missing = try await server.request(.POST, "/api/v1/images", body: Self.qa(images + "/missing.png"))
        #expect(missing.status == 462 && missing.message?.contains("404") == true)
      }
    }
  }
}
