import Foundation
import GRDB

/// A clip: a run of a video between two cuts (a long shot is split into several), with what the
/// ingest found in its keyframe and what users wrote on it.
public struct LibraryClip: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "library_clip"

  /// The row id; the API shows it as a decimal string.
  public var id: Int64?
  public var videoID: String
  public var projectID: String
  /// Position in the video, from 0.
  public var index: Int
  public var startTime: Double
  public var endTime: Double
  /// The dialogue shown during the clip (subtitle cues overlapping it, joined by newlines), or
  /// what a user wrote.
  public var subtitle: String?
  public var description: String?
  /// Users' tags, a JSON object as the API takes it.
  public var tags: String?
  /// The ingest's tags, a JSON object: `{"labels": [...], "shot_size": ..., "scene_type": ...}`.
  public var aiTags: String?
  /// Ids of the project's characters a user put on the clip, a JSON array; `nil` until a user
  /// sets them, and then they win over `matchedCharacterIDs`.
  public var characterIDs: String?
  /// Ids of the characters whose faces the matcher found on the keyframe, a JSON array.
  public var matchedCharacterIDs: String
  /// `ShotSize`'s raw value, when the keyframe shows a face or person.
  public var shotSize: String?
  /// `normal`, `opening` or `ending`.
  public var sceneType: String
  /// The keyframe's faces' 512-d identity vectors, one after another (little-endian float32).
  public var faces: Data?
  /// The keyframe's drawn faces' 1280-d visual vectors (AnimeFace crops), one after another.
  public var drawnFaces: Data?
  /// The keyframe's 512-d semantic vector (little-endian float32), when it has one.
  public var semantic: Data?
  /// The keyframe's 1280-d visual vector (little-endian float32).
  public var visual: Data?
  public var createdAt: Date

  public init(
    videoID: String,
    projectID: String,
    index: Int,
    startTime: Double,
    endTime: Double,
    subtitle: String?,
    aiTags: String?,
    semantic: [Float]?,
    visual: [Float]?,
    createdAt: Date
  ) {
    self.videoID = videoID
    self.projectID = projectID
    self.index = index
    self.startTime = startTime
    self.endTime = endTime
    self.subtitle = subtitle
    self.aiTags = aiTags
    characterIDs = nil
    matchedCharacterIDs = "[]"
    sceneType = "normal"
    self.semantic = semantic.map(VectorBlob.data)
    self.visual = visual.map(VectorBlob.data)
    self.createdAt = createdAt
  }

  /// The characters on the clip: the user's choice when made, else the matcher's.
  public var effectiveCharacterIDs: [String] {
    let text = characterIDs ?? matchedCharacterIDs
    return (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
  }

  public mutating func didInsert(_ inserted: InsertionSuccess) {
    id = inserted.rowID
  }

  enum CodingKeys: String, CodingKey {
    case id, index, subtitle, description, tags, semantic, visual
    case videoID = "video_id"
    case projectID = "project_id"
    case startTime = "start_time"
    case endTime = "end_time"
    case faces
    case drawnFaces = "drawn_faces"
    case aiTags = "ai_tags"
    case characterIDs = "character_ids"
    case matchedCharacterIDs = "matched_character_ids"
    case shotSize = "shot_size"
    case sceneType = "scene_type"
    case createdAt = "created_at"
  }
}
