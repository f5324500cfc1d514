import Foundation
import GRDB

/// A file put through a signed upload URL, waiting to be registered as a video or reference
/// image, or already registered (`registeredAt`). The key is the `s3_key` the client was given.
public struct LibraryUpload: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
  public static let databaseTableName = "library_upload"

  public enum Kind: String, Codable, Sendable {
    case video
    case referenceImage = "reference_image"
  }

  public var objectKey: String
  public var projectID: String
  public var kind: Kind
  public var fileName: String
  public var contentType: String
  public var size: Int
  public var createdAt: Date
  public var registeredAt: Date?

  public init(
    objectKey: String,
    projectID: String,
    kind: Kind,
    fileName: String,
    contentType: String,
    size: Int,
    createdAt: Date
  ) {
    self.objectKey = objectKey
    self.projectID = projectID
    self.kind = kind
    self.fileName = fileName
    self.contentType = contentType
    self.size = size
    self.createdAt = createdAt
    registeredAt = nil
  }

  enum CodingKeys: String, CodingKey {
    case kind, size
    case objectKey = "object_key"
    case projectID = "project_id"
    case fileName = "file_name"
    case contentType = "content_type"
    case createdAt = "created_at"
    case registeredAt = "registered_at"
  }
}
