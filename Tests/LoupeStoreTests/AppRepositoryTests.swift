import Foundation
import Testing

@testable import LoupeStore

@Suite struct AppRepositoryTests {
  let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-store-\(UUID().uuidString)")

  @Test func createsListsAndRevokesApps() async throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let repository = AppRepository(database: try LoupeDatabase(directory: directory))
    let first = try await repository.create(name: "first")
    let second = try await repository.create(name: "second", dailyQuota: 5)
    #expect(first.id != second.id)
    #expect(first.token.count == 64 && first.token != second.token)
    #expect(try await repository.all().map(\.name) == ["first", "second"])
    try await repository.revoke(id: first.id)
    #expect(try await repository.find(id: first.id)?.isRevoked == true)
    await #expect(throws: AppRepositoryError.notFound("nope")) { try await repository.revoke(id: "nope") }
    await #expect(throws: AppRepositoryError.self) { try await repository.create(name: "  ") }
    await #expect(throws: AppRepositoryError.invalidQuota(0)) { try await repository.create(name: "x", dailyQuota: 0) }
  }

  @Test func databaseFilesArePrivate() async throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let database = try LoupeDatabase(directory: directory)
    _ = try await AppRepository(database: database).create(name: "a")
    let path = directory.appendingPathComponent(LoupeDatabase.fileName).path
    let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    #expect(mode == 0o600)
    let directoryMode = try FileManager.default.attributesOfItem(atPath: directory.path)[.posixPermissions] as? Int
    #expect(directoryMode == 0o700)
  }

  /// Modes are enforced at every start: a data directory loosened by hand or by a restore is
  /// private again once a store opens it.
  @Test func looseningIsUndoneAtTheNextStart() async throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let first = try LoupeDatabase(directory: directory)
    _ = try BlobStore(database: first)
    _ = try PortraitModelStore(database: first)
    let folders = [directory, directory.appendingPathComponent("blobs"), directory.appendingPathComponent("portraits")]
    let database = directory.appendingPathComponent(LoupeDatabase.fileName).path
    for folder in folders {
      try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
    }
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: database)

    let reopened = try LoupeDatabase(directory: directory)
    _ = try BlobStore(database: reopened)
    _ = try PortraitModelStore(database: reopened)
    func mode(_ path: String) throws -> Int? {
      try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    }
    for folder in folders { #expect(try mode(folder.path) == 0o700, "\(folder.lastPathComponent)") }
    #expect(try mode(database) == 0o600)
  }

  @Test func countsRequestsPerUTCDay() async throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let repository = AppRepository(database: try LoupeDatabase(directory: directory))
    let app = try await repository.create(name: "a")
    let day = Date(timeIntervalSince1970: 1_700_000_000)
    #expect(try await repository.recordRequest(appID: app.id, now: day) == 1)
    #expect(try await repository.recordRequest(appID: app.id, now: day) == 2)
    #expect(try await repository.recordRequest(appID: app.id, now: day.addingTimeInterval(86_400)) == 1)
  }

  @Test func blobsAreContentAddressedAndPrivateToTheirApp() async throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let database = try LoupeDatabase(directory: directory)
    let apps = AppRepository(database: database)
    let owner = try await apps.create(name: "owner")
    let other = try await apps.create(name: "other")
    let blobs = try BlobStore(database: database)
    let id = try await blobs.put(Data("hello".utf8), appID: owner.id)
    #expect(id == "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824")
    #expect(try await blobs.put(Data("hello".utf8), appID: owner.id) == id)
    #expect(try await blobs.get(id: id, appID: owner.id) == Data("hello".utf8))
    #expect(try await blobs.get(id: id, appID: other.id) == nil)
    #expect(try await blobs.get(id: "../../etc/passwd", appID: owner.id) == nil)
  }
}
