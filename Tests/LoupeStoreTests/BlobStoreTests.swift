import Crypto
import Foundation
import Testing

@testable import LoupeStore

@Suite struct BlobStoreTests {
  let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-blobs-\(UUID().uuidString)")

  private func store() throws -> (BlobStore, AppRepository) {
    let database = try LoupeDatabase(directory: directory)
    return (try BlobStore(database: database), AppRepository(database: database))
  }

  @Test func aBlobIsNamedByItsSHA256AndReadBackWhole() async throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let (blobs, apps) = try store()
    let app = try await apps.create(name: "a")
    let bytes = Data((0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
    let id = try await blobs.put(bytes, appID: app.id)
    #expect(id == SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined())
    #expect(try await blobs.get(id: id, appID: app.id) == bytes)
  }

  @Test func onlyTheAppsThatUploadedABlobCanReadIt() async throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let (blobs, apps) = try store()
    let owner = try await apps.create(name: "owner")
    let other = try await apps.create(name: "other")
    let bytes = Data("private bytes".utf8)
    let id = try await blobs.put(bytes, appID: owner.id)
    #expect(try await blobs.get(id: id, appID: other.id) == nil)
    #expect(try await blobs.file(id: id, appID: other.id) == nil)
    // Uploading the same bytes gives the other app its own claim on the one stored file.
    #expect(try await blobs.put(bytes, appID: other.id) == id)
    #expect(try await blobs.get(id: id, appID: other.id) == bytes)
  }

  @Test func idsThatAreNotLowercaseHexDigestsNameNothing() async throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let (blobs, apps) = try store()
    let app = try await apps.create(name: "a")
    let id = try await blobs.put(Data("x".utf8), appID: app.id)
    for bad in [id.uppercased(), String(id.dropLast()), "../" + id.dropFirst(3), ""] {
      #expect(try await blobs.file(id: bad, appID: app.id) == nil, "\(bad)")
    }
  }

  /// Bytes are written to a temporary file and renamed into place: a crash mid-write leaves at
  /// most a temporary file, never a torn blob under its id, and a finished put leaves nothing else.
  @Test func writesGoThroughATemporaryFileThatIsRenamedIntoPlace() async throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let (blobs, apps) = try store()
    let app = try await apps.create(name: "a")
    let folder = directory.appendingPathComponent("blobs")
    // What a crash mid-write would leave behind.
    try Data("torn".utf8).write(to: folder.appendingPathComponent(".upload-crashed"))
    let bytes = Data(repeating: 7, count: 4096)
    let id = try await blobs.put(bytes, appID: app.id)
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(names == [".upload-crashed", id])
    #expect(try Data(contentsOf: folder.appendingPathComponent(id)) == bytes)
  }

  @Test func anAppsBlobsStayWithinItsCapAndTheRefusedOneIsNotStored() async throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let database = try LoupeDatabase(directory: directory)
    let blobs = try BlobStore(database: database, maxBytesPerApp: 1000)
    let apps = AppRepository(database: database)
    let app = try await apps.create(name: "a")
    let first = Data(repeating: 1, count: 600)
    let firstID = try await blobs.put(first, appID: app.id)
    // The same bytes again cost nothing.
    #expect(try await blobs.put(first, appID: app.id) == firstID)
    let second = Data(repeating: 2, count: 600)
    await #expect(throws: BlobError.quotaExceeded(limit: 1000, used: 600)) {
      try await blobs.put(second, appID: app.id)
    }
    #expect(try await blobs.usage(appID: app.id) == 600)
    let files = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("blobs").path)
    #expect(files == [firstID], "nothing of the refused blob is left on disk: \(files)")
    // Another app has a cap of its own.
    let other = try await apps.create(name: "b")
    #expect(try await blobs.put(second, appID: other.id).count == 64)
  }

  @Test func deletingTheLastClaimRemovesTheFile() async throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let (blobs, apps) = try store()
    let owner = try await apps.create(name: "owner")
    let other = try await apps.create(name: "other")
    let bytes = Data("shared bytes".utf8)
    let id = try await blobs.put(bytes, appID: owner.id)
    _ = try await blobs.put(bytes, appID: other.id)
    let file = directory.appendingPathComponent("blobs").appendingPathComponent(id)

    #expect(try await blobs.delete(id: id, appID: owner.id))
    #expect(try await blobs.get(id: id, appID: owner.id) == nil)
    #expect(try await blobs.get(id: id, appID: other.id) == bytes, "the other app's claim is untouched")
    #expect(try await blobs.delete(id: id, appID: owner.id) == false)
    #expect(try await blobs.delete(id: id, appID: other.id))
    #expect(!FileManager.default.fileExists(atPath: file.path))
  }

  @Test func purgeRemovesClaimsOlderThanTheCutoffAndTheirFiles() async throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let (blobs, apps) = try store()
    let app = try await apps.create(name: "a")
    let now = Date()
    let old = try await blobs.put(Data("old".utf8), appID: app.id, now: now.addingTimeInterval(-40 * 86400))
    let recent = try await blobs.put(Data("recent".utf8), appID: app.id, now: now.addingTimeInterval(-86400))
    #expect(try await blobs.purge(createdBefore: now.addingTimeInterval(-30 * 86400)) == 1)
    #expect(try await blobs.get(id: old, appID: app.id) == nil)
    #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("blobs/\(old)").path))
    #expect(try await blobs.get(id: recent, appID: app.id) == Data("recent".utf8))
  }
}
