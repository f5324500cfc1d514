import Crypto
import Foundation
import GRDB

/// Uploaded files, content-addressed under `<data>/blobs/`. A blob belongs to the apps that
/// uploaded it: another app cannot read it by guessing its hash. Each app's claims together may
/// hold at most `maxBytesPerApp`; a claim lasts until its app deletes it or, with a retention
/// period, until `purge(createdBefore:)` removes it. The file goes with its last claim.
public struct BlobStore: Sendable {
  let database: LoupeDatabase
  let directory: URL
  /// Bytes an app's blobs may hold together (a blob several apps uploaded counts for each).
  public let maxBytesPerApp: Int

  public init(database: LoupeDatabase, maxBytesPerApp: Int = 1 << 30) throws {
    self.database = database
    self.maxBytesPerApp = maxBytesPerApp
    directory = database.directory.appendingPathComponent("blobs", isDirectory: true)
    try PrivateFolder.prepare(directory)
  }

  /// Stores the bytes (written to a temporary file and renamed, so a crash never leaves a torn
  /// blob) and returns their id, the lowercase hex SHA-256. Throws `BlobError.quotaExceeded`,
  /// storing nothing, when the app's blobs would exceed `maxBytesPerApp`; uploading a blob the
  /// app already holds costs nothing. The check and the claim are one write transaction, so
  /// concurrent uploads cannot together pass the cap.
  public func put(_ bytes: Data, appID: String, now: Date = Date()) async throws -> String {
    let id = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    let destination = fileURL(for: id)
    let limit = maxBytesPerApp
    try await database.pool.write { database in
      let held = try Bool.fetchOne(
        database,
        sql: "SELECT EXISTS (SELECT 1 FROM blob WHERE id = ? AND app_id = ?)",
        arguments: [id, appID]
      )
      guard held != true else { return }
      let used =
        try Int.fetchOne(database, sql: "SELECT COALESCE(SUM(size), 0) FROM blob WHERE app_id = ?", arguments: [appID])
        ?? 0
      guard used + bytes.count <= limit else { throw BlobError.quotaExceeded(limit: limit, used: used) }
      if !FileManager.default.fileExists(atPath: destination.path) {
        let temporary = directory.appendingPathComponent(".upload-\(UUID().uuidString)")
        try bytes.write(to: temporary)
        if rename(temporary.path, destination.path) != 0 {
          try? FileManager.default.removeItem(at: temporary)
          throw CocoaError(.fileWriteUnknown)
        }
      }
      try database.execute(
        sql: "INSERT INTO blob (id, app_id, size, created_at) VALUES (?, ?, ?, ?)",
        arguments: [id, appID, bytes.count, now]
      )
    }
    return id
  }

  /// Removes the app's claim on the blob, and the file when no app holds it any more. `false`
  /// when the app held no such blob.
  public func delete(id: String, appID: String) async throws -> Bool {
    guard Self.isValidID(id) else { return false }
    return try await database.pool.write { database in
      try database.execute(sql: "DELETE FROM blob WHERE id = ? AND app_id = ?", arguments: [id, appID])
      guard database.changesCount > 0 else { return false }
      try removeUnclaimedFile(id, in: database)
      return true
    }
  }

  /// Removes every claim made before `cutoff`, and the files no app holds any more; how many
  /// claims went.
  public func purge(createdBefore cutoff: Date) async throws -> Int {
    try await database.pool.write { database in
      let ids = try String.fetchAll(
        database,
        sql: "SELECT DISTINCT id FROM blob WHERE created_at < ?",
        arguments: [cutoff]
      )
      try database.execute(sql: "DELETE FROM blob WHERE created_at < ?", arguments: [cutoff])
      let removed = database.changesCount
      for id in ids { try removeUnclaimedFile(id, in: database) }
      return removed
    }
  }

  /// Bytes the app's blobs hold together.
  public func usage(appID: String) async throws -> Int {
    try await database.pool.read { database in
      try Int.fetchOne(database, sql: "SELECT COALESCE(SUM(size), 0) FROM blob WHERE app_id = ?", arguments: [appID])
        ?? 0
    }
  }

  /// Inside the write transaction that dropped a claim: no other claim can appear meanwhile.
  private func removeUnclaimedFile(_ id: String, in database: Database) throws {
    let claimed = try Bool.fetchOne(database, sql: "SELECT EXISTS (SELECT 1 FROM blob WHERE id = ?)", arguments: [id])
    if claimed != true { try? FileManager.default.removeItem(at: fileURL(for: id)) }
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
