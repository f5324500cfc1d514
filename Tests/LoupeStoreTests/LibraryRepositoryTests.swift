import Foundation
import GRDB
import Testing

@testable import LoupeStore

@Suite struct LibraryRepositoryTests {
  let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-library-\(UUID().uuidString)")

  func withLibrary(_ body: (LibraryRepository, LoupeDatabase) async throws -> Void) async throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let database = try LoupeDatabase(directory: directory)
    try await body(LibraryRepository(database: database), database)
  }

  @Test func projectNamesAreUniqueAndFoundByIdOrName() async throws {
    try await withLibrary { library, _ in
      let project = try await library.createProject(name: " Anime ")
      #expect(project.name == "Anime")
      await #expect(throws: LibraryError.duplicateProjectName("Anime")) {
        try await library.createProject(name: "Anime")
      }
      #expect(try await library.project(idOrName: project.id) == project)
      #expect(try await library.project(idOrName: "Anime") == project)
      #expect(try await library.project(idOrName: "other") == nil)
    }
  }

  @Test func aKeyAuthenticatesWithItsProjectsInGrantOrder() async throws {
    try await withLibrary { library, _ in
      let first = try await library.createProject(name: "first")
      let second = try await library.createProject(name: "second")
      let (record, secret) = try await library.createKey(name: "ci", projects: ["second", first.id, "second"])
      #expect(secret.text.hasPrefix("aimage_api_") && secret.text.count == 71)
      let grant = try #require(try await library.authenticate(secret.text))
      #expect(grant.key == record)
      #expect(grant.projects == [second, first])
      #expect(grant.project(id: first.id) == first && grant.project(id: "nope") == nil)
    }
  }

  @Test func onlyTheSecretsHashIsStored() async throws {
    try await withLibrary { library, database in
      _ = try await library.createProject(name: "p")
      let (_, secret) = try await library.createKey(name: "k", projects: ["p"])
      let stored = try await database.read { try Row.fetchAll($0, sql: "SELECT * FROM api_key").description }
      #expect(stored.contains("secret_hash"))
      #expect(!stored.contains(String(secret.text.suffix(48))))
    }
  }

  @Test func wrongSecretsUnknownIdsAndMalformedKeysAreRefused() async throws {
    try await withLibrary { library, _ in
      _ = try await library.createProject(name: "p")
      let (_, secret) = try await library.createKey(name: "k", projects: ["p"])
      let forged = String(secret.text.dropLast()) + (secret.text.hasSuffix("0") ? "1" : "0")
      #expect(try await library.authenticate(forged) == nil)
      #expect(try await library.authenticate("aimage_api_" + String(repeating: "0", count: 60)) == nil)
      #expect(try await library.authenticate(secret.text.uppercased()) == nil)
      #expect(try await library.authenticate("Bearer " + secret.text) == nil)
      #expect(try await library.authenticate("") == nil)
    }
  }

  @Test func revokedAndExpiredKeysAreRefused() async throws {
    try await withLibrary { library, _ in
      _ = try await library.createProject(name: "p")
      let now = Date()
      let (revoked, revokedSecret) = try await library.createKey(name: "r", projects: ["p"], now: now)
      try await library.revokeKey(id: revoked.id)
      #expect(try await library.authenticate(revokedSecret.text) == nil)
      let (_, expiring) = try await library.createKey(name: "e", projects: ["p"], expiresInDays: 2, now: now)
      #expect(try await library.authenticate(expiring.text, now: now.addingTimeInterval(86_400)) != nil)
      #expect(try await library.authenticate(expiring.text, now: now.addingTimeInterval(2 * 86_400)) == nil)
    }
  }

  @Test func keysNeedKnownProjectsAndSensibleExpiry() async throws {
    try await withLibrary { library, _ in
      _ = try await library.createProject(name: "p")
      await #expect(throws: LibraryError.noProjects) { try await library.createKey(name: "k", projects: []) }
      await #expect(throws: LibraryError.projectNotFound("q")) {
        try await library.createKey(name: "k", projects: ["p", "q"])
      }
      await #expect(throws: LibraryError.invalidExpiry(0)) {
        try await library.createKey(name: "k", projects: ["p"], expiresInDays: 0)
      }
      // The refused key left nothing behind.
      #expect(try await library.keys().isEmpty)
      await #expect(throws: LibraryError.keyNotFound("nope")) { try await library.revokeKey(id: "nope") }
    }
  }
}
