import Foundation
import GRDB

/// A video of a library project, from its registration to its deletion. Its clips are
/// `LibraryClip`s; its file lives in the library's object folder under `objectKey`.
public struct LibraryVideo: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
  public static let databaseTableName = "library_video"

  /// Where the ingest is: registered with `auto_process: false` (`pending`), waiting for a
  /// worker (`queued`), being ingested (`processing`), then `completed` or `failed`.
  public enum Status: String, Codable, Sendable, CaseIterable {
    case pending, queued, processing, completed, failed
  }

  public var id: String
  public var projectID: String
  public var name: String
  public var season: Int?
  public var episode: Int?
  /// Seconds, whole (the API's `duration` is an integer); 0 until probed.
  public var duration: Int
  public var width: Int
  public var height: Int
  public var status: Status
  /// A stable, detail-free reason when `failed`.
  public var error: String?
  /// The upload's key in the object folder.
  public var objectKey: String
  public var fileName: String
  public var contentType: String
  public var fileSize: Int
  /// The browser rendition's state: `not_needed`, `pending`, `ready` or `failed`.
  public var playback: String
  public var createdAt: Date

  public init(
    id: String,
    projectID: String,
    name: String,
    season: Int?,
    episode: Int?,
    objectKey: String,
    fileName: String,
    contentType: String,
    fileSize: Int,
    status: Status,
    createdAt: Date
  ) {
    self.id = id
    self.projectID = projectID
    self.name = name
    self.season = season
    self.episode = episode
    duration = 0
    width = 0
    height = 0
    self.status = status
    error = nil
    self.objectKey = objectKey
    self.fileName = fileName
    self.contentType = contentType
    self.fileSize = fileSize
    playback = "not_needed"
    self.createdAt = createdAt
  }

  enum CodingKeys: String, CodingKey {
    case id, name, season, episode, duration, width, height, status, error, playback
    case projectID = "project_id"
    case objectKey = "object_key"
    case fileName = "file_name"
    case contentType = "content_type"
    case fileSize = "file_size"
    case createdAt = "created_at"
  }
}
