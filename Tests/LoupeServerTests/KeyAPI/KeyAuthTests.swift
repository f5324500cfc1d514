import Foundation
import LoupeStore
import LoupeTestSupport
import NIOHTTP1
import Testing

/// Bearer keys on the key APIs: who gets in, what they see, and the error shapes of `/v0`
/// (AI-Mage Search) and `/v1` (OpenAI style).
@Suite(.offCooperativePool) struct KeyAuthTests {
  @Test func pingNeedsNoKey() async throws {
    try await TestServer.run { server in
      let ping = try await server.send(.GET, "/v0/ping")
      #expect(ping.status == 200 && ping.json["status"] as? String == "ok")
      #expect(ping.json["version"] is String && ping.json["time"] is String)
    }
  }

  @Test func meDescribesTheKeyAndItsProjects() async throws {
    try await TestServer.run { server in
      let (key, project) = try await server.key(project: "anime")
      let me = try await server.keyed(.GET, "/v0/me", key: key)
      #expect(me.status == 200 && me.json["key_name"] as? String == "test")
      let preview = try #require(me.json["key_preview"] as? String)
      #expect(key.hasPrefix(preview.replacingOccurrences(of: "…", with: "")) && preview.count < 30)
      let projects = try #require(me.json["projects"] as? [[String: Any]])
      #expect(projects.count == 1 && projects[0]["id"] as? String == project.id)
      #expect(projects[0]["role"] as? String == "editor" && projects[0]["search_capabilities"] is [Any])
      #expect(me.json["agent_usage"] as? [Any] != nil)
      let (readOnly, _) = try await server.key(readOnly: true)
      let listed = try await server.keyed(.GET, "/v0/projects", key: readOnly)
      #expect(listed.json["total"] as? Int == 1)
      #expect((listed.json["projects"] as? [[String: Any]])?.first?["role"] as? String == "viewer")
    }
  }

  @Test func unusableKeysAre401InEachAPIsShape() async throws {
    try await TestServer.run { server in
      let (key, _) = try await server.key()
      for bad in ["", "aimage_api_" + String(repeating: "a", count: 60), String(key.dropLast()) + "x"] {
        let aimage = try await server.keyed(.GET, "/v0/me", key: bad)
        #expect(aimage.status == 401 && aimage.errorCode == "UNAUTHORIZED")
        let openAI = try await server.keyed(.POST, "/v1/embeddings", key: bad, body: "{}")
        #expect(openAI.status == 401 && openAI.errorCode == "unauthorized")
        #expect((openAI.json["error"] as? [String: Any])?["type"] as? String == "authentication_error")
      }
      let unsigned = try await server.send(.GET, "/v0/projects")
      #expect(unsigned.status == 401 && unsigned.errorCode == "UNAUTHORIZED")
    }
  }

  @Test func revokedKeysAreRefusedAtOnce() async throws {
    try await TestServer.run { server in
      let (key, _) = try await server.key()
      #expect(try await server.keyed(.GET, "/v0/me", key: key).status == 200)
      let id = try #require(APIKeySecret(key)).id
      try await LibraryRepository(database: server.database).revokeKey(id: id)
      #expect(try await server.keyed(.GET, "/v0/me", key: key).status == 401)
    }
  }

  /// A body is never read for a request without a usable key: a 60 MiB body past every limit
  /// is answered 401, not 413.
  @Test func theKeyIsCheckedBeforeTheBodyIsRead() async throws {
    try await TestServer.run { server in
      let huge = [UInt8](repeating: 0x20, count: 60 << 20)
      let answer = try await server.send(.POST, "/v1/embeddings", bytes: huge, headers: [("Authorization", "Bearer x")])
      #expect(answer.status == 401)
      let (key, _) = try await server.key()
      let keyed = try await server.send(
        .POST,
        "/v1/embeddings",
        bytes: huge,
        headers: [("Authorization", "Bearer \(key)")]
      )
      #expect(keyed.status == 413 && keyed.errorCode == "payload_too_large")
    }
  }

  @Test func aReadOnlyKeyCannotWrite() async throws {
    try await TestServer.run { server in
      let (key, _) = try await server.key(readOnly: true)
      let body = #"{"name": "items", "fields": [{"name": "id", "type": "int", "primary_key": true}]}"#
      let refused = try await server.keyed(.POST, "/v1/collections", key: key, body: body)
      #expect(refused.status == 403 && refused.errorCode == "forbidden")
      #expect(try await server.keyed(.GET, "/v1/collections", key: key).status == 200)
    }
  }

  @Test func anotherProjectIsIndistinguishableFromNone() async throws {
    try await TestServer.run { server in
      let (key, _) = try await server.key()
      let (_, other) = try await server.key()
      let answer = try await server.keyed(.GET, "/v1/collections?project_id=\(other.id)", key: key)
      #expect(answer.status == 404 && answer.errorCode == "not_found")
      let missing = try await server.keyed(.GET, "/v1/collections?project_id=nope", key: key)
      #expect(missing.status == 404 && missing.errorMessage == answer.errorMessage)
    }
  }

  @Test func partsOfTheAPINotServedAnswer501() async throws {
    try await TestServer.run { server in
      let (key, _) = try await server.key()
      for (method, path) in [
        (HTTPMethod.GET, "/v0/materials"), (.POST, "/v0/search/moments"), (.POST, "/v0/agent/turns"),
        (.GET, "/v0/review/jobs/1"),
      ] {
        let answer = try await server.keyed(method, path, key: key, body: method == .POST ? "{}" : nil)
        #expect(answer.status == 501 && answer.errorCode == "NOT_IMPLEMENTED", "\(path)")
      }
      let unknown = try await server.keyed(.GET, "/v0/nowhere", key: key)
      #expect(unknown.status == 404 && unknown.errorCode == "NOT_FOUND")
    }
  }
}
