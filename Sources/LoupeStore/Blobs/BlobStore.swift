import Crypto
import Foundation
import GRDB

/// Uploaded files, content-addressed under `<data>/blobs/`. A blob belongs to the apps that
/// uploaded it: another app cannot read it by guessing its hash.
public struct BlobStore: Sendable {
  let database: LoupeDatabase
  let directory: URL

  public init(database: LoupeDatabase) throws {
    self.database = database
    directory = database.directory.appendingPathComponent("blobs", isDirectory: true)
    try PrivateFolder.prepare(directory)
  }

  /// Stores the bytes (written to a temporary file and renamed, so a crash never leaves a torn
  /// blob) and returns their id, the lowercase hex SHA-256.
  public func put(_ bytes: Data, appID: String, now: Date = Date()) async throws -> String {
    let id = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    let destination = fileURL(for: id)
    if !FileManager.default.fileExists(atPath: destination.path) {
      let temporary = directory.appendingPathComponent(".upload-\(UUID().uuidString)")
      try bytes.write(to: temporary)
      if rename(temporary.path, destination.path) != 0 {
        try? FileManager.default.removeItem(at: temporary)
        throw CocoaError(.fileWriteUnknown)
      }
    }
    try await database.pool.write { database in
      try database.execute(
        sql: "INSERT OR IGNORE INTO blob (id, app_id, size, created_at) VALUES (?, ?, ?, ?)",
        arguments: [id, appID, bytes.count, now]
      )
    }
    return id
  }

  /// The blob's bytes, or `nil` when the app has no blob with that id.
  public func get(id: String, appID: String) async throws -> Data? {
    guard let file = try await file(id: id, appID: appID) else { return nil }
    return try Data(contentsOf: file)
  }

  /// Where the blob's bytes are on disk, for readers that stream them (videos); `nil` when the
  /// app has no blob with that id. Blobs are immutable, so the file may be read in place.
  public func file(id: String, appID: String) async throws -> URL? {
    guard Self.isValidID(id) else { return nil }
    let owned = try await database.pool.read { database in
      try Bool.fetchOne(
        database,
        sql: "SELECT EXISTS (SELECT 1 FROM blob WHERE id = ? AND app_id = ?)",
        arguments: [id, appID]
      )
        ?? false
    }
    return owned ? fileURL(for: id) : nil
  }

  static func isValidID(_ id: String) -> Bool {
    id.count == 64 && id.allSatisfy { $0.isHexDigit && !$0.isUppercase }
  }

  private func fileURL(for id: String) -> URL {
    directory.appendingPathComponent(id)
  }
}
