import Foundation
import GRDB

/// Trained identities (`model_id`s): a row per model in the database, its files under
/// `<data>/portraits/<model_id>/`. Files are written into a scratch folder and renamed into place
/// before the row says `ready`, so a crash never leaves a ready model with missing or torn files.
/// A model belongs to the app that trained it.
public struct PortraitModelStore: Sendable {
  let database: LoupeDatabase
  let directory: URL

  public init(database: LoupeDatabase) throws {
    self.database = database
    directory = database.directory.appendingPathComponent("portraits", isDirectory: true)
    try PrivateFolder.prepare(directory)
  }

  /// Records a model whose training has just been queued.
  public func create(id: String, appID: String, jobID: Int64?, now: Date = Date()) async throws {
    try await database.pool.write { database in
      try database.execute(
        sql: "INSERT INTO portrait_model (id, app_id, state, job_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
        arguments: [id, appID, PortraitModelState.training.rawValue, jobID, now, now]
      )
    }
  }

  /// Links a model to the job that trains it (the job is created after the model's row).
  public func attach(jobID: Int64, to id: String) async throws {
    try await database.pool.write { database in
      try database.execute(sql: "UPDATE portrait_model SET job_id = ? WHERE id = ?", arguments: [jobID, id])
    }
  }

  /// Stores the trained files (name → bytes) and marks the model ready. Writing the same model
  /// again (a retried job) replaces its files whole.
  public func complete(id: String, files: [String: Data], now: Date = Date()) async throws {
    let staging = directory.appendingPathComponent(".staging-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
    do {
      for (name, bytes) in files {
        guard Self.isValidFileName(name) else { throw PortraitStoreError.invalidFileName(name) }
        try bytes.write(to: staging.appendingPathComponent(name))
      }
      let final = folder(for: id)
      try? FileManager.default.removeItem(at: final)
      try FileManager.default.moveItem(at: staging, to: final)
    } catch {
      try? FileManager.default.removeItem(at: staging)
      throw error
    }
    try await setState(.ready, of: id, now: now)
  }

  public func fail(id: String, now: Date = Date()) async throws {
    try await setState(.failed, of: id, now: now)
  }

  /// The model's state, if the app has a model with that id.
  public func state(id: String, appID: String) async throws -> PortraitModelState? {
    try await database.pool.read { database in
      try String.fetchOne(
        database,
        sql: "SELECT state FROM portrait_model WHERE id = ? AND app_id = ?",
        arguments: [id, appID]
      ).flatMap(PortraitModelState.init(rawValue:))
    }
  }

  /// A ready model's file, or `nil` when the app has no ready model with that id or the file
  /// does not exist.
  public func file(_ name: String, of id: String, appID: String) async throws -> Data? {
    guard Self.isValidFileName(name), try await state(id: id, appID: appID) == .ready else { return nil }
    return FileManager.default.contents(atPath: folder(for: id).appendingPathComponent(name).path)
  }

  private func setState(_ state: PortraitModelState, of id: String, now: Date) async throws {
    try await database.pool.write { database in
      try database.execute(
        sql: "UPDATE portrait_model SET state = ?, updated_at = ? WHERE id = ?",
        arguments: [state.rawValue, now, id]
      )
    }
  }

  private func folder(for id: String) -> URL {
    directory.appendingPathComponent(id, isDirectory: true)
  }

  /// Model ids are UUIDs the server makes; file names are the portrait code's own. Neither may
  /// step out of the folder.
  static func isValidFileName(_ name: String) -> Bool {
    !name.isEmpty && !name.hasPrefix(".") && name.allSatisfy { $0.isLetter || $0.isNumber || "-_.".contains($0) }
  }
}

public enum PortraitStoreError: Error, Equatable, CustomStringConvertible {
  case invalidFileName(String)

  public var description: String {
    switch self {
    case .invalidFileName(let name): "invalid portrait file name \(name.debugDescription)"
    }
  }
}
