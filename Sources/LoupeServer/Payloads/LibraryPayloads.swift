import Foundation
import LoupeServices
import LoupeStore

// The AI-Mage Search API's wire types (aimage-sdk 0.8.0 `types.py`), field for field.

struct UploadURLPayload: Encodable {
  var uploadURL: String
  var s3Key: String
  var expiresAt: String

  enum CodingKeys: String, CodingKey {
    case uploadURL = "upload_url"
    case s3Key = "s3_key"
    case expiresAt = "expires_at"
  }
}

struct VideoPayload: Encodable {
  var id: String
  var projectID: String
  var name: String
  var season: Int?
  var episode: Int?
  var duration: Int
  var width: Int
  var height: Int
  var processingStatus: String
  var processingError: String?
  /// Loupe has no moment index.
  var alaya: String?
  var createdAt: String

  init(_ video: LibraryVideo) {
    id = video.id
    projectID = video.projectID
    name = video.name
    season = video.season
    episode = video.episode
    duration = video.duration
    width = video.width
    height = video.height
    processingStatus = video.status.rawValue
    processingError = video.error
    createdAt = RFC3339Time.string(from: video.createdAt)
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(projectID, forKey: .projectID)
    try container.encode(name, forKey: .name)
    try container.encode(season, forKey: .season)
    try container.encode(episode, forKey: .episode)
    try container.encode(duration, forKey: .duration)
    try container.encode(width, forKey: .width)
    try container.encode(height, forKey: .height)
    try container.encode(processingStatus, forKey: .processingStatus)
    try container.encode(processingError, forKey: .processingError)
    try container.encode(alaya, forKey: .alaya)
    try container.encode(createdAt, forKey: .createdAt)
  }

  enum CodingKeys: String, CodingKey {
    case id, name, season, episode, duration, width, height, alaya
    case projectID = "project_id"
    case processingStatus = "processing_status"
    case processingError = "processing_error"
    case createdAt = "created_at"
  }
}

struct VideoListPayload: Encodable {
  var videos: [VideoPayload]
  var total: Int
  var page: Int
  var pageSize: Int

  enum CodingKeys: String, CodingKey {
    case videos, total, page
    case pageSize = "page_size"
  }
}

struct VideoMediaPayload: Encodable {
  var videoID: String
  var rendition: String
  var url: String
  var expiresAt: String?
  var transcoded: Bool
  var previewStatus: String?

  enum CodingKeys: String, CodingKey {
    case rendition, url, transcoded
    case videoID = "video_id"
    case expiresAt = "expires_at"
    case previewStatus = "preview_status"
  }
}

struct DeletedPayload: Encodable {
  var deleted = true
  var id: String
}

/// A search hit (`Clip`).
struct ClipPayload: Encodable {
  var clipID: String
  var videoID: String
  var projectID: String
  var startTime: Double
  var endTime: Double
  var subtitle: String?
  var similarity: Double
  var thumbnailURL: String
  var episodeTitle: String?
  var season: Int?
  var episode: Int?
  var tags: [String]
  var characters: [String]

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(clipID, forKey: .clipID)
    try container.encode(videoID, forKey: .videoID)
    try container.encode(projectID, forKey: .projectID)
    try container.encode(startTime, forKey: .startTime)
    try container.encode(endTime, forKey: .endTime)
    try container.encode(subtitle, forKey: .subtitle)
    try container.encode(similarity, forKey: .similarity)
    try container.encode(thumbnailURL, forKey: .thumbnailURL)
    try container.encode(episodeTitle, forKey: .episodeTitle)
    try container.encode(season, forKey: .season)
    try container.encode(episode, forKey: .episode)
    try container.encode(tags, forKey: .tags)
    try container.encode(characters, forKey: .characters)
  }

  enum CodingKeys: String, CodingKey {
    case subtitle, similarity, season, episode, tags, characters
    case clipID = "clip_id"
    case videoID = "video_id"
    case projectID = "project_id"
    case startTime = "start_time"
    case endTime = "end_time"
    case thumbnailURL = "thumbnail_url"
    case episodeTitle = "episode_title"
  }
}

struct SearchClipsPayload: Encodable {
  var clips: [ClipPayload]
  var totalAvailable: Int
  var ranking: String
  var matchedCharacters: [[String: String]]
  var page: Int
  var pageSize: Int

  enum CodingKeys: String, CodingKey {
    case clips, ranking, page
    case totalAvailable = "total_available"
    case matchedCharacters = "matched_characters"
    case pageSize = "page_size"
  }
}

/// `ClipDetail`.
struct ClipDetailPayload: Encodable {
  var clip: LibraryClip
  /// `ClipCharacter`s: `{"id", "name"}`.
  var characters: [[String: String]]
  var thumbnailURL: String

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(String(clip.id ?? 0), forKey: .clipID)
    try container.encode(clip.videoID, forKey: .videoID)
    try container.encode(clip.projectID, forKey: .projectID)
    try container.encode(clip.index, forKey: .index)
    try container.encode(clip.startTime, forKey: .startTime)
    try container.encode(clip.endTime, forKey: .endTime)
    try container.encode(clip.subtitle, forKey: .subtitle)
    try container.encode(clip.description, forKey: .description)
    try container.encode(Self.object(clip.tags), forKey: .tags)
    try container.encode(Self.object(clip.aiTags), forKey: .aiTags)
    try container.encode(characters, forKey: .characters)
    try container.encode(thumbnailURL, forKey: .thumbnailURL)
    try container.encode(RFC3339Time.string(from: clip.createdAt), forKey: .createdAt)
  }

  /// A stored JSON object as itself on the wire.
  static func object(_ text: String?) -> JSONValue? {
    guard let text, let data = text.data(using: .utf8) else { return nil }
    return try? JSONDecoder().decode(JSONValue.self, from: data)
  }

  enum CodingKeys: String, CodingKey {
    case index, subtitle, description, tags, characters
    case clipID = "clip_id"
    case videoID = "video_id"
    case projectID = "project_id"
    case startTime = "start_time"
    case endTime = "end_time"
    case aiTags = "ai_tags"
    case thumbnailURL = "thumbnail_url"
    case createdAt = "created_at"
  }
}

struct ReferenceImagePayload: Encodable {
  var image: ReferenceImageRecord

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(image.id, forKey: .id)
    try container.encode(image.projectID, forKey: .projectID)
    try container.encode(image.name, forKey: .name)
    try container.encode(image.category, forKey: .category)
    let tags = (try? JSONDecoder().decode([String].self, from: Data(image.tags.utf8))) ?? []
    try container.encode(tags, forKey: .tags)
    try container.encode(image.purpose, forKey: .purpose)
    try container.encode(image.license, forKey: .license)
    try container.encode(image.isSearchable, forKey: .isSearchable)
    try container.encode(image.mimeType, forKey: .mimeType)
    try container.encode(image.fileSize, forKey: .fileSize)
    try container.encode(image.embeddingStatus.rawValue, forKey: .embeddingStatus)
    try container.encode(RFC3339Time.string(from: image.createdAt), forKey: .createdAt)
  }

  enum CodingKeys: String, CodingKey {
    case id, name, category, tags, purpose, license
    case projectID = "project_id"
    case isSearchable = "is_searchable"
    case mimeType = "mime_type"
    case fileSize = "file_size"
    case embeddingStatus = "embedding_status"
    case createdAt = "created_at"
  }
}

struct ReferenceImageListPayload: Encodable {
  var referenceImages: [ReferenceImagePayload]
  var total: Int
  var page: Int
  var pageSize: Int

  enum CodingKeys: String, CodingKey {
    case total, page
    case referenceImages = "reference_images"
    case pageSize = "page_size"
  }
}
