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

  @Test func chargesUnitsPerUTCDayAndRefusesWhatTheQuotaCannotCoverWhole() async throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let repository = AppRepository(database: try LoupeDatabase(directory: directory))
    let app = try await repository.create(name: "a", dailyQuota: 10)
    let day = Date(timeIntervalSince1970: 1_700_000_000)
    let seven = try #require(try await repository.charge(7, appID: app.id, now: day))
    #expect(seven == UsageCharge(appID: app.id, day: "2023-11-14", units: 7))
    #expect(try await repository.charge(4, appID: app.id, now: day) == nil, "7 + 4 > 10")
    #expect(try await repository.usage(appID: app.id, on: day) == 7, "a refused charge charges nothing")
    #expect(try await repository.charge(3, appID: app.id, now: day) != nil)
    #expect(try await repository.charge(1, appID: app.id, now: day) == nil)
    #expect(try await repository.charge(10, appID: app.id, now: day.addingTimeInterval(86_400)) != nil, "a new day")
    try await repository.refund(seven)
    #expect(try await repository.usage(appID: app.id, on: day) == 3)
    #expect(try await repository.usage(appID: app.id, on: day.addingTimeInterval(86_400)) == 10)

    let unlimited = try await repository.create(name: "b")
    #expect(try await repository.charge(1_000_000, appID: unlimited.id, now: day) != nil)
    #expect(try await repository.usage(appID: unlimited.id, on: day) == 1_000_000, "usage is recorded all the same")
    await #expect(throws: AppRepositoryError.notFound("nope")) { try await repository.charge(1, appID: "nope") }
  }

  @Test func concurrentChargesNeverTogetherPassTheQuota() async throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let repository = AppRepository(database: try LoupeDatabase(directory: directory))
    let app = try await repository.create(name: "a", dailyQuota: 25)
    let granted = try await withThrowingTaskGroup(of: Bool.self) { group in
      for _ in 0..<40 { group.addTask { try await repository.charge(2, appID: app.id) != nil } }
      return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
    }
    #expect(granted == 12)
    #expect(try await repository.usage(appID: app.id) == 24)
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
