import Foundation
import LoupeStore
import LoupeVectors
import Testing

@testable import LoupeServices

/// The library's vector indexes follow the store by applying what changed: clips of a new video
/// are added, clips of a deleted or re-ingested video removed, and nothing else is read again.
@Suite struct ClipVectorIndexesTests {
  let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-clipindex-\(UUID().uuidString)")

  /// A unit vector along `axis`, so each clip is its own nearest neighbour.
  static func axis(_ axis: Int, dimension: Int) -> [Float] {
    (0..<dimension).map { $0 == axis ? 1 : 0 }
  }

  struct Library {
    let media: LibraryMediaRepository
    let projectID: String

    /// Stores (or re-ingests) video `name` with clips pointing along `axes`; returns their ids.
    func complete(_ name: String, axes: [Int]) async throws -> [Int64] {
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
          subtitle: nil,
          aiTags: nil,
          semantic: ClipVectorIndexesTests.axis(axis, dimension: 512),
          visual: ClipVectorIndexesTests.axis(axis, dimension: 1280),
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

  func makeLibrary() async throws -> Library {
    let database = try LoupeDatabase(directory: directory)
    let project = try await LibraryRepository(database: database).createProject(name: "show")
    return Library(media: LibraryMediaRepository(database: database), projectID: project.id)
  }

  func nearest(_ axis: Int, in indexes: ClipVectorIndexes, field: ClipVectorField) throws -> Int64? {
    let index = try #require(indexes.index(field))
    return try index.search(Self.axis(axis, dimension: field.dimension), limit: 1, allowing: nil).first?.id
  }

  @Test func newClipsAreAddedAndDeletedOnesRemoved() async throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let library = try await makeLibrary()
    let indexes = await ClipVectorIndexes.restore(projectID: library.projectID, directory: nil)
    let first = try await library.complete("one", axes: [0, 1])
    try await library.update(indexes)
    #expect(try nearest(1, in: indexes, field: .visual) == first[1])

    let second = try await library.complete("two", axes: [2, 3])
    _ = try await library.media.deleteVideo(id: "one")
    try await library.update(indexes)
    for field in ClipVectorField.allCases {
      #expect(indexes.index(field)?.count == 2)
      #expect(try nearest(3, in: indexes, field: field) == second[1])
      #expect(try nearest(0, in: indexes, field: field).map(second.contains) == true)
    }
  }

  @Test func aReingestReplacesTheVideosClips() async throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let library = try await makeLibrary()
    let indexes = await ClipVectorIndexes.restore(projectID: library.projectID, directory: nil)
    let before = try await library.complete("one", axes: [0, 1])
    try await library.update(indexes)
    let after = try await library.complete("one", axes: [4])
    try await library.update(indexes)
    #expect(Set(before).isDisjoint(with: after))
    #expect(indexes.index(.semantic)?.count == 1)
    #expect(try nearest(0, in: indexes, field: .semantic) == after[0])
  }

  @Test func aSavedGraphIsLoadedAndBroughtUpToDate() async throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let library = try await makeLibrary()
    let folder = directory.appendingPathComponent("indexes")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    // A graph from 8 clips on, so that a small project is saved as one.
    let graphs = AdaptiveConfiguration(graphThreshold: 8, scanThreshold: 4)
    let first = try await library.complete("one", axes: Array(0..<10))
    let indexes = await ClipVectorIndexes.restore(
      projectID: library.projectID,
      directory: folder,
      configuration: graphs
    )
    try await library.update(indexes)
    #expect(indexes.index(.visual)?.backend == .hnsw)
    #expect(
      FileManager.default.fileExists(
        atPath: folder.appendingPathComponent("library-\(library.projectID)-visual.hnsw").path
      )
    )

    // Written while no server ran: the saved graph misses them.
    let second = try await library.complete("two", axes: Array(10..<20))
    _ = try await library.media.deleteVideo(id: "one")
    let restored = await ClipVectorIndexes.restore(
      projectID: library.projectID,
      directory: folder,
      configuration: graphs
    )
    let visual = try #require(restored.index(ClipVectorField.visual))
    #expect(visual.backend == .hnsw)
    #expect(Set(visual.ids) == Set(first))
    try await library.update(restored)
    #expect(Set(visual.ids) == Set(second))
    #expect(try nearest(15, in: restored, field: .semantic) == second[5])
  }
}
