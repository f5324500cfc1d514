import Foundation
import GRDB

/// A library project: the unit that API keys are granted, and that owns collections (and, with
/// the media library, videos, clips and characters).
public struct ProjectRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
  public static let databaseTableName = "project"

  public var id: String
  public var name: String
  public var createdAt: Date

  enum CodingKeys: String, CodingKey {
    case id, name
    case createdAt = "created_at"
  }
}
