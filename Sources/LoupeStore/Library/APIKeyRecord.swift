import Foundation
import GRDB

/// A Bearer API key as stored: its public id and the SHA-256 of its secret, never the secret.
public struct APIKeyRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
  public static let databaseTableName = "api_key"

  public var id: String
  public var name: String
  /// SHA-256 of the secret part of the key (`APIKeySecret`).
  public var secretHash: Data
  /// A read-only key may read its projects but not write to them (403).
  public var isReadOnly: Bool
  public var createdAt: Date
  public var expiresAt: Date?
  public var revokedAt: Date?

  /// What may be shown of the key after it was issued: its prefix and id, enough to recognise
  /// it, nothing that authenticates.
  public var preview: String { APIKeySecret.prefix + id + "…" }

  public func isUsable(at date: Date) -> Bool {
    revokedAt == nil && (expiresAt.map { date < $0 } ?? true)
  }

  enum CodingKeys: String, CodingKey {
    case id, name
    case secretHash = "secret_hash"
    case isReadOnly = "read_only"
    case createdAt = "created_at"
    case expiresAt = "expires_at"
    case revokedAt = "revoked_at"
  }
}
