import Foundation
import LoupeServices
import LoupeTestSupport
import Testing

/// Signed uploads through the router: what a presigned PUT accepts, and that a refused upload
/// leaves nothing that could be registered.
@Suite(.offCooperativePool) struct LibraryUploadTests {
  /// Mints an upload URL; answers its path (after the origin) and `s3_key`.
  static func mint(
    _ server: TestServer,
    key: String,
    project: String,
    type: String = "video/mp4"
  ) async throws
    -> (path: String, s3Key: String)
  {
    let minted = try await server.keyed(
      .POST,
      "/v0/videos/upload-url",
      key: key,
      body: #"{"project_id": "\#(project)", "file_name": "ep1.mp4", "content_type": "\#(type)"}"#
    )
    let url = try #require(minted.json["upload_url"] as? String, "\(minted.text)")
    let path = try #require(URL(string: url)?.path)
    return (path, try #require(minted.json["s3_key"] as? String))
  }

  static func register(_ server: TestServer, key: String, project: String, s3Key: String) async throws -> ServerAnswer {
    try await server.keyed(
      .POST,
      "/v0/videos",
      key: key,
      body: #"{"project_id": "\#(project)", "name": "Episode 1", "s3_key": "\#(s3Key)", "auto_process": false}"#
    )
  }

  @Test func anUploadRegistersOnceAsAPendingVideo() async throws {
    try await TestServer.run { server in
      let (key, project) = try await server.key()
      let (path, s3Key) = try await Self.mint(server, key: key, project: project.id)
      let put = try await server.send(
        .PUT,
        path,
        bytes: Array(repeating: 7, count: 1000),
        headers: [("Content-Type", "video/mp4")]
      )
      #expect(put.status == 200, "\(put.text)")
      let video = try await Self.register(server, key: key, project: project.id, s3Key: s3Key)
      #expect(video.status == 201 && video.json["processing_status"] as? String == "pending", "\(video.text)")
      let again = try await Self.register(server, key: key, project: project.id, s3Key: s3Key)
      #expect(again.status == 409 && again.errorCode == "CONFLICT")
    }
  }

  @Test func aPutWithAnotherContentTypeIsRefused() async throws {
    try await TestServer.run { server in
      let (key, project) = try await server.key()
      let (path, s3Key) = try await Self.mint(server, key: key, project: project.id)
      let put = try await server.send(.PUT, path, bytes: [1, 2, 3], headers: [("Content-Type", "video/webm")])
      #expect(put.status == 400 && put.errorCode == "VALIDATION_ERROR", "\(put.text)")
      #expect(try await Self.register(server, key: key, project: project.id, s3Key: s3Key).status == 404)
    }
  }

  @Test func aForgedURLIsRefused() async throws {
    try await TestServer.run { server in
      let (key, project) = try await server.key()
      let (path, _) = try await Self.mint(server, key: key, project: project.id)
      let put = try await server.send(.PUT, path + "x", bytes: [1], headers: [("Content-Type", "video/mp4")])
      #expect(put.status == 403 && put.errorCode == "FORBIDDEN", "\(put.text)")
    }
  }

  @Test func anUploadOverItsLimitLeavesNothingBehind() async throws {
    try await TestServer.run(configure: { $0.library.maxVideoBytes = 500 }) { server in
      let (key, project) = try await server.key()
      let (path, s3Key) = try await Self.mint(server, key: key, project: project.id)
      let put = try await server.send(
        .PUT,
        path,
        bytes: Array(repeating: 1, count: 501),
        headers: [("Content-Type", "video/mp4")]
      )
      #expect(put.status == 413 && put.errorCode == "PAYLOAD_TOO_LARGE", "\(put.text)")
      #expect(try await Self.register(server, key: key, project: project.id, s3Key: s3Key).status == 404)
      let objects = server.database.directory.appendingPathComponent("library/objects")
      #expect(try FileManager.default.contentsOfDirectory(atPath: objects.path).isEmpty)
    }
  }

  @Test func aTypeNoVideoHasIsNotMinted() async throws {
    try await TestServer.run { server in
      let (key, project) = try await server.key()
      let minted = try await server.keyed(
        .POST,
        "/v0/videos/upload-url",
        key: key,
        body: #"{"project_id": "\#(project.id)", "file_name": "x.exe", "content_type": "application/x-msdownload"}"#
      )
      #expect(minted.status == 400 && minted.errorCode == "VALIDATION_ERROR")
    }
  }

  @Test func anotherProjectsUploadCannotBeRegistered() async throws {
    try await TestServer.run { server in
      let (key, project) = try await server.key()
      let (otherKey, other) = try await server.key()
      let (path, s3Key) = try await Self.mint(server, key: otherKey, project: other.id)
      _ = try await server.send(.PUT, path, bytes: [1, 2], headers: [("Content-Type", "video/mp4")])
      #expect(try await Self.register(server, key: key, project: project.id, s3Key: s3Key).status == 404)
    }
  }
}
