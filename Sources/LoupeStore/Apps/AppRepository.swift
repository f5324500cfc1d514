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

/// Apps and their daily usage: the units charged to each app per UTC day (the `app_usage` table;
/// its `requests` column is named after what it first counted).
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

  /// Every client app; the library's reserved job owner is not one.
  public func all() async throws -> [AppRecord] {
    try await database.pool.read {
      try AppRecord.filter(Column("id") != LibraryMediaRepository.jobAppID).order(Column("created_at"), Column("id"))
        .fetchAll($0)
    }
  }

  public func revoke(id: String, now: Date = Date()) async throws {
    try await database.pool.write { database in
      guard var app = try AppRecord.fetchOne(database, key: id) else { throw AppRepositoryError.notFound(id) }
      guard app.revokedAt == nil else { return }
      app.revokedAt = now
      try app.update(database)
    }
  }

  /// Charges `units` to the app's daily quota for the UTC day of `now`, if the quota has that
  /// many left: the check and the charge are one write transaction, so concurrent charges can
  /// never together go past the quota. Returns the charge, to refund it if what it paid for is
  /// not carried out, or `nil`, charging nothing, when the units would exceed the quota. An app
  /// without a quota is always charged, so its usage is still recorded.
  public func charge(_ units: Int, appID: String, now: Date = Date()) async throws -> UsageCharge? {
    precondition(units > 0, "a charge is of at least one unit")
    let day = Self.utcDay(of: now)
    return try await database.pool.write { database in
      guard let app = try AppRecord.fetchOne(database, key: appID) else { throw AppRepositoryError.notFound(appID) }
      let used = try Self.usage(appID: appID, day: day, in: database)
      if let quota = app.dailyQuota, used + units > quota { return nil }
      try database.execute(
        sql: """
          INSERT INTO app_usage (app_id, day, requests) VALUES (?, ?, ?)
          ON CONFLICT (app_id, day) DO UPDATE SET requests = requests + excluded.requests
          """,
        arguments: [appID, day, units]
      )
      return UsageCharge(appID: appID, day: day, units: units)
    }
  }

  /// Gives a charge back to the day it was made on.
  public func refund(_ charge: UsageCharge) async throws {
    try await database.pool.write { database in
      try database.execute(
        sql: "UPDATE app_usage SET requests = MAX(0, requests - ?) WHERE app_id = ? AND day = ?",
        arguments: [charge.units, charge.appID, charge.day]
      )
    }
  }

  /// The units the app has been charged for the UTC day of `date`.
  public func usage(appID: String, on date: Date = Date()) async throws -> Int {
    let day = Self.utcDay(of: date)
    return try await database.pool.read { database in try Self.usage(appID: appID, day: day, in: database) }
  }

  private static func usage(appID: String, day: String, in database: Database) throws -> Int {
    try Int.fetchOne(
      database,
      sql: "SELECT requests FROM app_usage WHERE app_id = ? AND day = ?",
      arguments: [appID, day]
    ) ?? 0
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
