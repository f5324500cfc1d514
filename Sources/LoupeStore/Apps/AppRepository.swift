import Crypto
import Foundation
import GRDB

public enum AppRepositoryError: Error, Equatable, CustomStringConvertible {
  case notFound(String)
  case invalidName(String)
  case invalidQuota(Int)

  public var description: String {
    switch self {
    case .notFound(let id): "no app with id \(id)"
    case .invalidName(let name): "app name must be 1–100 printable characters, got \(name.debugDescription)"
    case .invalidQuota(let quota): "daily quota must be positive, got \(quota)"
    }
  }
}

/// Apps and their daily request counters.
public struct AppRepository: Sendable {
  let database: LoupeDatabase

  public init(database: LoupeDatabase) {
    self.database = database
  }

  public func create(name: String, dailyQuota: Int? = nil, now: Date = Date()) async throws -> AppRecord {
    let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
    guard (1...100).contains(trimmed.count), !trimmed.contains(where: \.isNewline) else {
      throw AppRepositoryError.invalidName(name)
    }
    if let dailyQuota, dailyQuota <= 0 { throw AppRepositoryError.invalidQuota(dailyQuota) }
    let app = AppRecord(
      id: Self.randomDigits(count: 12),
      name: trimmed,
      token: Self.randomToken(),
      dailyQuota: dailyQuota,
      createdAt: now,
      revokedAt: nil
    )
    try await database.pool.write { try app.insert($0) }
    return app
  }

  public func find(id: String) async throws -> AppRecord? {
    try await database.pool.read { try AppRecord.fetchOne($0, key: id) }
  }

  public func all() async throws -> [AppRecord] {
    try await database.pool.read { try AppRecord.order(Column("created_at"), Column("id")).fetchAll($0) }
  }

  public func revoke(id: String, now: Date = Date()) async throws {
    try await database.pool.write { database in
      guard var app = try AppRecord.fetchOne(database, key: id) else { throw AppRepositoryError.notFound(id) }
      guard app.revokedAt == nil else { return }
      app.revokedAt = now
      try app.update(database)
    }
  }

  /// Counts one request against the app's UTC day and returns the day's total so far.
  public func recordRequest(appID: String, now: Date = Date()) async throws -> Int {
    let day = Self.utcDay(of: now)
    return try await database.pool.write { database in
      try database.execute(
        sql: """
          INSERT INTO app_usage (app_id, day, requests) VALUES (?, ?, 1)
          ON CONFLICT (app_id, day) DO UPDATE SET requests = requests + 1
          """,
        arguments: [appID, day]
      )
      return try Int.fetchOne(
        database,
        sql: "SELECT requests FROM app_usage WHERE app_id = ? AND day = ?",
        arguments: [appID, day]
      ) ?? 0
    }
  }

  static func utcDay(of date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
  }

  // PAI app ids are numeric; tokens carry 256 bits from the system CSPRNG.
  static func randomDigits(count: Int) -> String {
    var generator = SystemRandomNumberGenerator()
    let first = String(Int.random(in: 1...9, using: &generator))
    return first + (1..<count).map { _ in String(Int.random(in: 0...9, using: &generator)) }.joined()
  }

  static func randomToken() -> String {
    SymmetricKey(size: .bits256).withUnsafeBytes { bytes in bytes.map { String(format: "%02x", $0) }.joined() }
  }
}
