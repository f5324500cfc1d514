import Foundation
import GRDB

/// The embedded store: one SQLite file (WAL) in the data directory. App tokens live in it, so the
/// directory and the database files are private to the user who runs the server.
public final class LoupeDatabase: Sendable {
  public let directory: URL
  let pool: DatabasePool

  public static let fileName = "loupe.sqlite"

  public init(directory: URL) throws {
    self.directory = directory
    try PrivateFolder.prepare(directory)
    let path = directory.appendingPathComponent(Self.fileName).path
    var configuration = Configuration()
    configuration.busyMode = .timeout(10)
    configuration.prepareDatabase { database in
      try database.execute(sql: "PRAGMA foreign_keys = ON")
    }
    pool = try DatabasePool(path: path, configuration: configuration)
    try Self.migrator.migrate(pool)
    try Self.restrictPermissions(ofDatabaseAt: path)
  }

  /// Brings another module's tables to its current schema (idempotent).
  public func migrate(_ migrator: DatabaseMigrator) throws {
    try migrator.migrate(pool)
  }

  /// Runs `body` in one write transaction.
  public func write<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T) async throws -> T {
    try await pool.write(body)
  }

  /// Runs `body` on a consistent snapshot.
  public func read<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T) async throws -> T {
    try await pool.read(body)
  }

  private static func restrictPermissions(ofDatabaseAt path: String) throws {
    for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
      try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path + suffix)
    }
  }
}
