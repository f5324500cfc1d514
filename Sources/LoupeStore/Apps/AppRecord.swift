import Foundation
import GRDB

/// A client application: the PAI `appId` and the token it signs requests with.
public struct AppRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
  public static let databaseTableName = "app"

  public var id: String
  public var name: String
  public var token: String
  /// Units of work allowed per UTC day; `nil` means no limit. What a unit buys is the
  /// application's rule (`LoupeServices.DailyQuota`); `AppRepository.charge` spends them.
  public var dailyQuota: Int?
  public var createdAt: Date
  public var revokedAt: Date?

  public var isRevoked: Bool { revokedAt != nil }

  enum CodingKeys: String, CodingKey {
    case id, name, token
    case dailyQuota = "daily_quota"
    case createdAt = "created_at"
    case revokedAt = "revoked_at"
  }
}
