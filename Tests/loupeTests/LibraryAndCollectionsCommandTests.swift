import Foundation
import LoupeTestSupport
import Testing

@testable import loupe

/// `loupe library` mints projects and keys; `loupe collections` uses them against a running
/// `loupe serve` with the live models.
@Suite(.offCooperativePool) struct LibraryAndCollectionsCommandTests {
  let dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-cli-\(UUID().uuidString)")

  func loupe(_ arguments: [String]) async throws -> String {
    try await runProcess(CLIRunner.executable.path, arguments, in: CLIRunner.repository)
  }

  @Test func keysAreIssuedOnceListedAndRevoked() async throws {
    defer { try? FileManager.default.removeItem(at: dataDirectory) }
    let data = ["--data-dir", dataDirectory.path]
    #expect(try await loupe(["library", "projects", "create", "anime"] + data).contains("project_id: "))
    let created = try await loupe(["library", "keys", "create", "--name", "ci", "--project", "anime", "--json"] + data)
    let key = try #require(try JSONSerialization.jsonObject(with: Data(created.utf8)) as? [String: String])
    let secret = try #require(key["key"])
    #expect(secret.hasPrefix("aimage_api_"))
    let listed = try await loupe(["library", "keys", "list"] + data)
    #expect(listed.contains(try #require(key["id"])) && listed.contains("read-write") && !listed.contains(secret))
    #expect(try await loupe(["library", "keys", "revoke", key["id"]!] + data).contains("revoked"))
    #expect(try await loupe(["library", "keys", "list"] + data).contains("revoked"))
    await #expect(throws: (any Error).self) {
      try await loupe(["library", "keys", "create", "--name", "x", "--project", "nope"] + data)
    }
  }

  @Test func collectionsAreFilledFromAFolderAndSearched() async throws {
    defer { try? FileManager.default.removeItem(at: dataDirectory) }
    let photos = dataDirectory.appendingPathComponent("photos")
    try FileManager.default.createDirectory(at: photos, withIntermediateDirectories: true)
    for name in ["chelsea.png", "coffee.png", "rocket.jpg", "motorcycle_left.png"] {
      try FileManager.default.copyItem(
        at: URL(fileURLWithPath: CLIRunner.packageFile("skimage/data/\(name)")),
        to: photos.appendingPathComponent(name)
      )
    }
    try Data("not an image".utf8).write(to: photos.appendingPathComponent("notes.txt"))
    let fixture = try await ServeFixture(dataDirectory: dataDirectory, mediaRoot: photos)
    _ = try await loupe(["library", "projects", "create", "photos"] + fixture.arguments.prefix(2))
    let created = try await loupe(
      ["library", "keys", "create", "--name", "ci", "--project", "photos", "--json"] + fixture.arguments.prefix(2)
    )
    let key = try #require((try JSONSerialization.jsonObject(with: Data(created.utf8)) as? [String: String])?["key"])
    let server = try await fixture.startServer()
    defer { _ = server.stop() }
    let connection = ["--server", server.baseURL, "--key", key]
    _ = try await loupe(["collections", "create", "pets"] + connection)
    let inserted = try await loupe(["collections", "insert", "pets", photos.path] + connection)
    #expect(inserted.contains("inserted 4 of 4 images") && inserted.contains("1 other files skipped"))
    #expect(try await loupe(["collections", "list"] + connection).contains("pets\t4 rows"))
    let byText = try await loupe(["collections", "search", "pets", "orange tabby cat", "--limit", "1"] + connection)
    #expect(byText.contains("name=chelsea.png"), "\(byText)")
    let byImage = try await loupe(
      ["collections", "search", "pets", "--image", photos.appendingPathComponent("rocket.jpg").path, "--limit", "1"]
        + connection
    )
    #expect(byImage.contains("name=rocket.jpg"), "\(byImage)")
    _ = try await loupe(["collections", "delete", "pets"] + connection)
    await #expect(throws: (any Error).self) { try await loupe(["collections", "search", "pets", "x"] + connection) }
  }
}
