import Foundation
import LoupeStore

@testable import LoupeServices

/// A project stored in a fresh database, whose videos' clips point along chosen axes: what the
/// library search's index and snapshot tests read.
struct StoredLibrary {
  let media: LibraryMediaRepository
  let projectID: String

  static func make(in directory: URL) async throws -> StoredLibrary {
    let database = try LoupeDatabase(directory: directory)
    let project = try await LibraryRepository(database: database).createProject(name: "show")
    return StoredLibrary(media: LibraryMediaRepository(database: database), projectID: project.id)
  }

  /// A unit vector along `axis`, so each clip is its own nearest neighbour.
  static func axis(_ axis: Int, dimension: Int) -> [Float] {
    (0..<dimension).map { $0 == axis ? 1 : 0 }
  }

  /// Stores (or re-ingests) video `name` with clips pointing along `axes`, the first ones with
  /// `subtitles`; returns their ids.
  func complete(_ name: String, axes: [Int], subtitles: [String] = []) async throws -> [Int64] {
    if try await media.video(id: name) == nil {
      let key = "\(projectID)/videos/\(name).mp4"
      try await media.record(
        LibraryUpload(
          objectKey: key,
          projectID: projectID,
          kind: .video,
          fileName: "\(name).mp4",
          contentType: "video/mp4",
          size: 1,
          createdAt: Date()
        )
      )
      try await media.register(
        LibraryVideo(
          id: name,
          projectID: projectID,
          name: name,
          season: 1,
          episode: 1,
          objectKey: key,
          fileName: "\(name).mp4",
          contentType: "video/mp4",
          fileSize: 1,
          status: .processing,
          createdAt: Date()
        )
      )
    }
    let clips = axes.enumerated().map { index, axis in
      LibraryClip(
        videoID: name,
        projectID: projectID,
        index: index,
        startTime: Double(index),
        endTime: Double(index + 1),
        subtitle: index < subtitles.count ? subtitles[index] : nil,
        aiTags: nil,
        semantic: StoredLibrary.axis(axis, dimension: 512),
        visual: StoredLibrary.axis(axis, dimension: 1280),
        createdAt: Date()
      )
    }
    _ = try await media.complete(videoID: name, clips: clips)
    return try await media.clips(videoID: name).map { $0.id! }
  }

  func update(_ indexes: ClipVectorIndexes) async throws {
    let ids = Set(try await media.clipTexts(projectID: projectID).map { $0.id! })
    try await indexes.update(clipIDs: ids, projectID: projectID, repository: media)
  }
}
