import Foundation
import GRDB

/// A project's reference image: a picture clips can be searched by once its embedding is ready.
public struct ReferenceImageRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
  public static let databaseTableName = "library_reference_image"

  public enum EmbeddingStatus: String, Codable, Sendable {
    case pending, ready, failed
  }

  public var id: String
  public var projectID: String
  public var name: String
  public var category: String?
  /// A JSON array of strings.
  public var tags: String
  public var purpose: String?
  /// `licensed`, `unlicensed` or `unknown`.
  public var license: String
  public var isSearchable: Bool
  public var mimeType: String?
  public var fileSize: Int?
  public var embeddingStatus: EmbeddingStatus
  public var objectKey: String
  /// The 1280-d visual vector and the 512-d semantic one (little-endian float32) once `ready`.
  public var visual: Data?
  public var semantic: Data?
  /// The image's faces' 512-d identity vectors, one after another, once `ready`.
  public var faces: Data?
  /// The image's drawn faces' 1280-d visual vectors (AnimeFace crops), once `ready`.
  public var drawnFaces: Data?
  public var createdAt: Date

  public init(
    id: String,
    projectID: String,
    name: String,
    category: String?,
    tags: String,
    purpose: String?,
    license: String,
    isSearchable: Bool,
    mimeType: String?,
    fileSize: Int?,
    objectKey: String,
    createdAt: Date
  ) {
    self.id = id
    self.projectID = projectID
    self.name = name
    self.category = category
    self.tags = tags
    self.purpose = purpose
    self.license = license
    self.isSearchable = isSearchable
    self.mimeType = mimeType
    self.fileSize = fileSize
    embeddingStatus = .pending
    self.objectKey = objectKey
    self.createdAt = createdAt
  }

  enum CodingKeys: String, CodingKey {
    case id, name, category, tags, purpose, license, visual, semantic, faces
    case drawnFaces = "drawn_faces"
    case projectID = "project_id"
    case isSearchable = "is_searchable"
    case mimeType = "mime_type"
    case fileSize = "file_size"
    case embeddingStatus = "embedding_status"
    case objectKey = "object_key"
    case createdAt = "created_at"
  }
}
