import Foundation
import Testing

@testable import LoupeStore

@Suite struct PortraitModelStoreTests {
  let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-portraits-\(UUID().uuidString)")

  private func store() async throws -> (PortraitModelStore, app: String, other: String) {
    let database = try LoupeDatabase(directory: directory)
    let apps = AppRepository(database: database)
    return (
      try PortraitModelStore(database: database), try await apps.create(name: "a").id,
      try await apps.create(name: "b").id
    )
  }

  private var portraitsFolder: URL { directory.appendingPathComponent("portraits") }

  @Test func aCompletedModelIsReadyAndServesItsFilesToItsAppOnly() async throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let (models, app, other) = try await store()
    let id = UUID().uuidString.lowercased()
    try await models.create(id: id, appID: app, jobID: nil)
    #expect(try await models.state(id: id, appID: app) == .training)
    #expect(try await models.file("manifest.json", of: id, appID: app) == nil, "nothing is served before ready")
    try await models.complete(id: id, files: ["manifest.json": Data("{}".utf8), "face-0.png": Data([1, 2, 3])])
    #expect(try await models.state(id: id, appID: app) == .ready)
    #expect(try await models.file("face-0.png", of: id, appID: app) == Data([1, 2, 3]))
    #expect(try await models.state(id: id, appID: other) == nil)
    #expect(try await models.file("face-0.png", of: id, appID: other) == nil)
  }

  /// Files are written into a staging folder that is renamed into place only once every file is
  /// written; a write that fails leaves no files under the model and the model not ready.
  @Test func aFailedWriteLeavesNeitherFilesNorAReadyModel() async throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let (models, app, _) = try await store()
    let id = UUID().uuidString.lowercased()
    try await models.create(id: id, appID: app, jobID: nil)
    await #expect(throws: PortraitStoreError.invalidFileName("../escape")) {
      try await models.complete(id: id, files: ["a.json": Data("{}".utf8), "../escape": Data([0])])
    }
    #expect(try await models.state(id: id, appID: app) == .training)
    #expect(try FileManager.default.contentsOfDirectory(atPath: portraitsFolder.path).isEmpty)
  }

  @Test func completingAgainReplacesTheFilesWhole() async throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let (models, app, _) = try await store()
    let id = UUID().uuidString.lowercased()
    try await models.create(id: id, appID: app, jobID: nil)
    try await models.complete(id: id, files: ["old.png": Data([1]), "manifest.json": Data("1".utf8)])
    try await models.complete(id: id, files: ["manifest.json": Data("2".utf8)])
    #expect(try await models.file("old.png", of: id, appID: app) == nil)
    #expect(try await models.file("manifest.json", of: id, appID: app) == Data("2".utf8))
    #expect(try FileManager.default.contentsOfDirectory(atPath: portraitsFolder.path) == [id])
  }

  @Test func fileNamesCannotLeaveTheModelsFolder() async throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let (models, app, _) = try await store()
    let id = UUID().uuidString.lowercased()
    try await models.create(id: id, appID: app, jobID: nil)
    try await models.complete(id: id, files: ["manifest.json": Data("{}".utf8)])
    for name in ["../../loupe.sqlite", ".hidden", "", "a/b"] {
      #expect(try await models.file(name, of: id, appID: app) == nil, "\(name)")
    }
  }

  @Test func aFailedModelIsNotReady() async throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let (models, app, _) = try await store()
    let id = UUID().uuidString.lowercased()
    try await models.create(id: id, appID: app, jobID: nil)
    try await models.fail(id: id)
    #expect(try await models.state(id: id, appID: app) == .failed)
  }
}
