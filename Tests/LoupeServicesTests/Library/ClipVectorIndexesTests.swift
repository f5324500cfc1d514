import Foundation
import LoupeStore
import LoupeVectors
import Testing

@testable import LoupeServices

/// The library's vector indexes follow the store by applying what changed: clips of a new video
/// are added, clips of a deleted or re-ingested video removed, and nothing else is read again.
@Suite struct ClipVectorIndexesTests {
  let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-clipindex-\(UUID().uuidString)")

  func makeLibrary() async throws -> StoredLibrary {
    try await StoredLibrary.make(in: directory)
  }

  func nearest(_ axis: Int, in indexes: ClipVectorIndexes, field: ClipVectorField) throws -> Int64? {
    let index = try #require(indexes.index(field))
    return try index.search(StoredLibrary.axis(axis, dimension: field.dimension), limit: 1, allowing: nil).first?.id
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
