import Foundation
import GRDB

/// Library projects and the Bearer keys granted on them.
public struct LibraryRepository: Sendable {
  let database: LoupeDatabase

  public init(database: LoupeDatabase) {
    self.database = database
  }

  // MARK: Projects

  public func createProject(name: String, now: Date = Date()) async throws -> ProjectRecord {
    let name = try Self.validName(name)
    let project = ProjectRecord(id: UUID().uuidString.lowercased(), name: name, createdAt: Self.stored(now))
    return try await database.pool.write { database in
      guard try ProjectRecord.filter(Column("name") == name).fetchCount(database) == 0 else {
        throw LibraryError.duplicateProjectName(name)
      }
      try project.insert(database)
      return project
    }
  }

  public func projects() async throws -> [ProjectRecord] {
    try await database.pool.read { try ProjectRecord.order(Column("created_at"), Column("id")).fetchAll($0) }
  }

  /// The project with this id, or else with this name.
  public func project(idOrName: String) async throws -> ProjectRecord? {
    try await database.pool.read { database in
      try ProjectRecord.fetchOne(database, key: idOrName)
        ?? ProjectRecord.filter(Column("name") == idOrName).fetchOne(database)
    }
  }

  // MARK: Keys

  /// Issues a key on `projects` (ids or names). The returned secret is the only copy.
  public func createKey(
    name: String,
    projects: [String],
    readOnly: Bool = false,
    expiresInDays: Int? = nil,
    now: Date = Date()
  ) async throws -> (record: APIKeyRecord, secret: APIKeySecret) {
    let name = try Self.validName(name)
    guard !projects.isEmpty else { throw LibraryError.noProjects }
    if let days = expiresInDays, days <= 0 { throw LibraryError.invalidExpiry(days) }
    let secret = APIKeySecret.generate()
    let now = Self.stored(now)
    let record = APIKeyRecord(
      id: secret.id,
      name: name,
      secretHash: secret.secretHash,
      isReadOnly: readOnly,
      createdAt: now,
      expiresAt: expiresInDays.map { now.addingTimeInterval(Double($0) * 86_400) },
      revokedAt: nil
    )
    try await database.pool.write { database in
      try record.insert(database)
      var granted: Set<String> = []
      for reference in projects {
        guard
          let project = try ProjectRecord.fetchOne(database, key: reference)
            ?? ProjectRecord.filter(Column("name") == reference).fetchOne(database)
        else { throw LibraryError.projectNotFound(reference) }
        guard granted.insert(project.id).inserted else { continue }
        try database.execute(
          sql: "INSERT INTO api_key_project (key_id, project_id, position) VALUES (?, ?, ?)",
          arguments: [record.id, project.id, granted.count]
        )
      }
    }
    return (record, secret)
  }

  /// Every key with the ids of its projects, oldest first.
  public func keys() async throws -> [(record: APIKeyRecord, projectIDs: [String])] {
    try await database.pool.read { database in
      try APIKeyRecord.order(Column("created_at"), Column("id")).fetchAll(database).map { key in
        (key, try Self.projects(ofKey: key.id, in: database).map(\.id))
      }
    }
  }

  public func revokeKey(id: String, now: Date = Date()) async throws {
    try await database.pool.write { database in
      guard var key = try APIKeyRecord.fetchOne(database, key: id) else { throw LibraryError.keyNotFound(id) }
      guard key.revokedAt == nil else { return }
      key.revokedAt = now
      try key.update(database)
    }
  }

  /// The grant of a presented key: `nil` when the key is malformed, unknown, revoked or expired,
  /// without saying which.
  public func authenticate(_ presented: String, now: Date = Date()) async throws -> APIKeyGrant? {
    guard let secret = APIKeySecret(presented) else { return nil }
    return try await database.pool.read { database in
      guard let key = try APIKeyRecord.fetchOne(database, key: secret.id),
        secret.matches(key.secretHash), key.isUsable(at: now)
      else { return nil }
      return APIKeyGrant(key: key, projects: try Self.projects(ofKey: key.id, in: database))
    }
  }

  private static func projects(ofKey id: String, in database: Database) throws -> [ProjectRecord] {
    try ProjectRecord.fetchAll(
      database,
      sql: """
        SELECT project.* FROM project JOIN api_key_project ON api_key_project.project_id = project.id
        WHERE api_key_project.key_id = ? ORDER BY api_key_project.position
        """,
      arguments: [id]
    )
  }

  /// Dates as the store keeps them, whole seconds: what is written reads back equal, and an
  /// expiry is never rounded past the moment it was set for.
  private static func stored(_ date: Date) -> Date {
    Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
  }

  private static func validName(_ name: String) throws -> String {
    let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
    guard (1...100).contains(trimmed.count), !trimmed.contains(where: \.isNewline) else {
      throw LibraryError.invalidName(name)
    }
    return trimmed
  }
}
