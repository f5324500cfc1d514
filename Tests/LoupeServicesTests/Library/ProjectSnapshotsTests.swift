import Foundation
import LoupeStore
import Testing

@testable import LoupeServices

/// After a write, a project's snapshot re-reads only the clips written since the last one, and
/// still shows every edit, insertion and deletion.
@Suite struct ProjectSnapshotsTests {
  let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-snapshots-\(UUID().uuidString)")

  @Test func aSnapshotFollowsEditsInsertionsAndDeletions() async throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let library = try await StoredLibrary.make(in: directory)
    let snapshots = ProjectSnapshots(repository: library.media, indexDirectory: nil)
    let one = try await library.complete("one", axes: [0, 1], subtitles: ["Hello there", "Good night"])
    let first = try await snapshots.snapshot(projectID: library.projectID)
    #expect(first.clips.map(\.id) == one)

    // A user's edit (a record update), the scene detector's (SQL) and a new video.
    var clip = try #require(try await library.media.clip(id: one[1]))
    clip.subtitle = "See you tomorrow"
    try await library.media.update(clip)
    try await library.media.setSceneTypes([one[0]: "opening"], projectID: library.projectID)
    let two = try await library.complete("two", axes: [2], subtitles: ["Morning"])
    let second = try await snapshots.snapshot(projectID: library.projectID)
    #expect(second.generation > first.generation)
    #expect(Set(second.clips.map { $0.id! }) == Set(one + two))
    #expect(second.byID[one[1]]?.subtitle == "See you tomorrow")
    #expect(second.byID[one[0]]?.sceneType == "opening")
    let texts = second.clips.compactMap(second.folded).map { String(decoding: $0.subtitle.bytes, as: UTF8.self) }
    #expect(texts.sorted() == ["hellothere", "morning", "seeyoutomorrow"])

    _ = try await library.media.deleteVideo(id: "one")
    let third = try await snapshots.snapshot(projectID: library.projectID)
    #expect(third.clips.map(\.id) == two)
    #expect(third.byID[one[0]] == nil)
  }
}
