import Foundation
import GRDB

/// The media library's records: uploads, videos, clips and reference images. Every write that
/// changes what a project's search sees bumps the project's `media_generation` in the same
/// transaction (`generation(ofProject:)`).
public struct LibraryMediaRepository: Sendable {
  /// The reserved app that owns library ingest jobs on the job queue (migration v9).
  public static let jobAppID = "loupe-library"

  let database: LoupeDatabase

  public init(database: LoupeDatabase) {
    self.database = database
  }

  // MARK: Uploads

  public func record(_ upload: LibraryUpload) async throws {
    try await database.pool.write { try upload.save($0) }
  }

  /// The upload registered by `s3_key`, or else the latest unregistered upload of `fileName`.
  public func upload(key: String?, fileName: String?, projectID: String) async throws -> LibraryUpload? {
    try await database.pool.read { database in
      if let key {
        return try LibraryUpload.filter(Column("object_key") == key && Column("project_id") == projectID)
          .fetchOne(database)
      }
      guard let fileName else { return nil }
      return try LibraryUpload.filter(
        Column("file_name") == fileName && Column("project_id") == projectID && Column("registered_at") == nil
      ).order(Column("created_at").desc).fetchOne(database)
    }
  }

  // MARK: Videos

  /// Stores `video` and marks its upload registered, in one transaction.
  public func register(_ video: LibraryVideo, now: Date = Date()) async throws {
    try await database.pool.write { database in
      try Self.claim(upload: video.objectKey, kind: .video, now: now, in: database)
      try video.insert(database)
    }
  }

  public func video(id: String) async throws -> LibraryVideo? {
    try await database.pool.read { try LibraryVideo.fetchOne($0, key: id) }
  }

  /// A page of a project's videos by creation time, and how many match in all.
  public func videos(
    projectID: String,
    status: LibraryVideo.Status?,
    ascending: Bool,
    page: Int,
    pageSize: Int
  ) async throws -> (videos: [LibraryVideo], total: Int) {
    try await database.pool.read { database in
      var request = LibraryVideo.filter(Column("project_id") == projectID)
      if let status { request = request.filter(Column("status") == status.rawValue) }
      let total = try request.fetchCount(database)
      let order =
        ascending ? [Column("created_at").asc, Column("id").asc] : [Column("created_at").desc, Column("id").desc]
      let videos = try request.order(order).limit(pageSize, offset: (page - 1) * pageSize).fetchAll(database)
      return (videos, total)
    }
  }

  /// Videos in a project by id, for labelling clips.
  public func videos(ids: Set<String>) async throws -> [String: LibraryVideo] {
    try await database.pool.read { database in
      Dictionary(
        uniqueKeysWithValues: try LibraryVideo.filter(keys: Array(ids)).fetchAll(database).map { ($0.id, $0) }
      )
    }
  }

  /// Changes a video's status; `false` when the video no longer exists.
  @discardableResult
  public func setStatus(
    _ status: LibraryVideo.Status,
    error: String? = nil,
    ofVideo id: String
  ) async throws -> Bool {
    try await database.pool.write { database in
      try database.execute(
        sql: "UPDATE library_video SET status = ?, error = ? WHERE id = ?",
        arguments: [status.rawValue, error, id]
      )
      return database.changesCount > 0
    }
  }

  /// Records the state of the video's browser rendition.
  public func setPlayback(_ state: String, ofVideo id: String) async throws {
    try await database.pool.write { database in
      try database.execute(sql: "UPDATE library_video SET playback = ? WHERE id = ?", arguments: [state, id])
    }
  }

  /// Records what probing found.
  public func setProbe(duration: Int, width: Int, height: Int, ofVideo id: String) async throws {
    try await database.pool.write { database in
      try database.execute(
        sql: "UPDATE library_video SET duration = ?, width = ?, height = ? WHERE id = ?",
        arguments: [duration, width, height, id]
      )
    }
  }

  /// Replaces the video's clips with `clips` and marks it completed, in one transaction: a rerun
  /// of an interrupted ingest never leaves duplicates. `false` when the video was deleted meanwhile.
  public func complete(videoID: String, clips: [LibraryClip]) async throws -> Bool {
    try await database.pool.write { database in
      guard let video = try LibraryVideo.fetchOne(database, key: videoID) else { return false }
      try LibraryClip.filter(Column("video_id") == videoID).deleteAll(database)
      for var clip in clips { try clip.insert(database) }
      try database.execute(
        sql: "UPDATE library_video SET status = ?, error = NULL WHERE id = ?",
        arguments: [LibraryVideo.Status.completed.rawValue, videoID]
      )
      try Self.bump(project: video.projectID, in: database)
      return true
    }
  }

  /// Deletes the video and its clips; returns it (for its files), or `nil` when it was not there.
  public func deleteVideo(id: String) async throws -> LibraryVideo? {
    try await database.pool.write { database in
      guard let video = try LibraryVideo.fetchOne(database, key: id) else { return nil }
      try LibraryClip.filter(Column("video_id") == id).deleteAll(database)
      try video.delete(database)
      try LibraryUpload.deleteOne(database, key: video.objectKey)
      try Self.bump(project: video.projectID, in: database)
      return video
    }
  }

  // MARK: Clips

  public func clip(id: Int64) async throws -> LibraryClip? {
    try await database.pool.read { try LibraryClip.fetchOne($0, key: id) }
  }

  public func clips(ids: [Int64]) async throws -> [Int64: LibraryClip] {
    try await database.pool.read { database in
      Dictionary(uniqueKeysWithValues: try LibraryClip.filter(keys: ids).fetchAll(database).map { ($0.id!, $0) })
    }
  }

  /// A video's clips in order.
  public func clips(videoID: String) async throws -> [LibraryClip] {
    try await database.pool.read {
      try LibraryClip.filter(Column("video_id") == videoID).order(Column("index")).fetchAll($0)
    }
  }

  /// Writes a user's edit of a clip.
  public func update(_ clip: LibraryClip) async throws {
    try await database.pool.write { database in
      try clip.update(database)
      try Self.bump(project: clip.projectID, in: database)
    }
  }

  /// The project's clips without their vectors, in video and time order: what keyword and
  /// filter searches scan. With `changedAfter`, only the clips written after that project
  /// generation (inserted or with a searchable field changed).
  public func clipTexts(projectID: String, changedAfter generation: Int? = nil) async throws -> [LibraryClip] {
    try await database.pool.read { database in
      var request = LibraryClip.select(
        [
          Column("id"), Column("video_id"), Column("project_id"), Column("index"), Column("start_time"),
          Column("end_time"), Column("subtitle"), Column("description"), Column("tags"), Column("ai_tags"),
          Column("character_ids"), Column("matched_character_ids"), Column("shot_size"), Column("scene_type"),
          Column("created_at"),
        ]
      ).filter(Column("project_id") == projectID)
      if let generation { request = request.filter(Column("text_generation") > generation) }
      return try request.order(Column("video_id"), Column("index")).fetchAll(database)
    }
  }

  /// The ids of the project's clips.
  public func clipIDs(projectID: String) async throws -> [Int64] {
    try await database.pool.read { database in
      try Int64.fetchAll(database, sql: "SELECT id FROM library_clip WHERE project_id = ?", arguments: [projectID])
    }
  }

  /// The project's clip vectors of one kind (`semantic` or `visual`) of clips whose id is above
  /// `afterID`. Clip ids only grow (`AUTOINCREMENT`) and a clip's vectors never change once
  /// stored, so a reader that has every vector up to some id needs only the ones above it.
  public func clipVectors(
    projectID: String,
    field: ClipVectorField,
    afterID: Int64 = 0
  ) async throws -> [(Int64, [Float])] {
    try await database.pool.read { database in
      let rows = try Row.fetchCursor(
        database,
        sql: """
          SELECT id, \(field.rawValue) AS vector FROM library_clip
          WHERE project_id = ? AND id > ? AND \(field.rawValue) IS NOT NULL
          """,
        arguments: [projectID, afterID]
      )
      var vectors: [(Int64, [Float])] = []
      while let row = try rows.next() { vectors.append((row["id"], VectorBlob.vector(row["vector"]))) }
      return vectors
    }
  }

  /// Each completed video of the project with its duration and its clips' visual vectors, in
  /// time order: what `RepeatedSegments` reads.
  public func visualTimelines(
    projectID: String
  ) async throws -> [(
    duration: Double, clips: [(id: Int64, start: Double, end: Double, vector: [Float])]
  )] {
    try await database.pool.read { database in
      let videos = try LibraryVideo.filter(
        Column("project_id") == projectID && Column("status") == LibraryVideo.Status.completed.rawValue
      ).fetchAll(database)
      return try videos.map { video in
        let rows = try Row.fetchAll(
          database,
          sql: """
            SELECT id, start_time, end_time, visual FROM library_clip
            WHERE video_id = ? AND visual IS NOT NULL ORDER BY "index"
            """,
          arguments: [video.id]
        )
        return (
          Double(video.duration),
          rows.map { ($0["id"], $0["start_time"], $0["end_time"], VectorBlob.vector($0["visual"])) }
        )
      }
    }
  }

  /// Sets every clip of the project to `normal` except those `labels` names.
  public func setSceneTypes(_ labels: [Int64: String], projectID: String) async throws {
    try await database.pool.write { database in
      try database.execute(
        sql: "UPDATE library_clip SET scene_type = 'normal' WHERE project_id = ? AND scene_type != 'normal'",
        arguments: [projectID]
      )
      for (id, label) in labels {
        try database.execute(
          sql: "UPDATE library_clip SET scene_type = ? WHERE id = ? AND project_id = ?",
          arguments: [label, id, projectID]
        )
      }
      try Self.bump(project: projectID, in: database)
    }
  }

  public func generation(ofProject id: String) async throws -> Int {
    try await database.pool.read { try Self.generation(ofProject: id, in: $0) }
  }

  // MARK: Reference images

  public func register(_ image: ReferenceImageRecord, now: Date = Date()) async throws {
    try await database.pool.write { database in
      try Self.claim(upload: image.objectKey, kind: .referenceImage, now: now, in: database)
      try image.insert(database)
    }
  }

  public func referenceImage(id: String) async throws -> ReferenceImageRecord? {
    try await database.pool.read { try ReferenceImageRecord.fetchOne($0, key: id) }
  }

  public func referenceImages(
    projectID: String,
    page: Int,
    pageSize: Int
  ) async throws -> (
    images: [ReferenceImageRecord], total: Int
  ) {
    try await database.pool.read { database in
      let request = ReferenceImageRecord.filter(Column("project_id") == projectID)
      return (
        try request.order(Column("created_at").desc, Column("id").desc).limit(pageSize, offset: (page - 1) * pageSize)
          .fetchAll(database),
        try request.fetchCount(database)
      )
    }
  }

  /// Reference images still waiting for their embedding, oldest first.
  public func pendingReferenceImages(limit: Int) async throws -> [ReferenceImageRecord] {
    try await database.pool.read {
      try ReferenceImageRecord.filter(
        Column("embedding_status") == ReferenceImageRecord.EmbeddingStatus.pending.rawValue
      )
      .order(Column("created_at")).limit(limit).fetchAll($0)
    }
  }

  /// Records a reference image's embedding outcome; `visual` `nil` marks it failed.
  public func setEmbedding(
    visual: [Float]?,
    semantic: [Float]?,
    faces: [[Float]] = [],
    drawnFaces: [[Float]] = [],
    ofReferenceImage id: String
  ) async throws {
    try await database.pool.write { database in
      guard var image = try ReferenceImageRecord.fetchOne(database, key: id) else { return }
      image.visual = visual.map(VectorBlob.data)
      image.semantic = semantic.map(VectorBlob.data)
      image.faces = FaceVectors.blob(faces)
      image.drawnFaces = FaceVectors.blob(drawnFaces)
      image.embeddingStatus = visual == nil ? .failed : .ready
      try image.update(database)
      try Self.bump(project: image.projectID, in: database)
    }
  }

  public func deleteReferenceImage(id: String) async throws -> ReferenceImageRecord? {
    try await database.pool.write { database in
      guard let image = try ReferenceImageRecord.fetchOne(database, key: id) else { return nil }
      try image.delete(database)
      try LibraryUpload.deleteOne(database, key: image.objectKey)
      try Self.bump(project: image.projectID, in: database)
      return image
    }
  }

  // MARK: Helpers

  private static func claim(upload key: String, kind: LibraryUpload.Kind, now: Date, in database: Database) throws {
    guard var upload = try LibraryUpload.fetchOne(database, key: key) else {
      throw LibraryMediaError.uploadNotFound(key)
    }
    guard upload.kind == kind else { throw LibraryMediaError.uploadKindMismatch(key) }
    guard upload.registeredAt == nil else { throw LibraryMediaError.uploadAlreadyRegistered(key) }
    upload.registeredAt = now
    try upload.update(database)
  }

  static func bump(project id: String, in database: Database) throws {
    try database.execute(
      sql: "UPDATE project SET media_generation = media_generation + 1 WHERE id = ?",
      arguments: [id]
    )
  }

  private static func generation(ofProject id: String, in database: Database) throws -> Int {
    try Int.fetchOne(database, sql: "SELECT media_generation FROM project WHERE id = ?", arguments: [id]) ?? 0
  }
}

/// The vectors a clip keeps.
public enum ClipVectorField: String, Sendable, CaseIterable {
  /// 512-d, text-searchable.
  case semantic
  /// 1280-d, image-searchable.
  case visual
}
