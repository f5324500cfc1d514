import Foundation
import LoupeStore
import LoupeVectors

/// What a search reads of one project, held in memory between writes: its clips (without
/// vectors) in video and time order, their texts folded for matching, its videos, and an exact
/// cosine index per vector kind, built on first use. A snapshot belongs to one media generation;
/// `ProjectSnapshots` replaces it when any process's write moves the generation.
final class ProjectSnapshot: Sendable {
  let generation: Int
  let clips: [LibraryClip]
  let byID: [Int64: LibraryClip]
  let videos: [String: LibraryVideo]
  /// Each clip's folded subtitle, and its folded description, tags and labels, as UTF-8 bytes:
  /// the keyword bonus of a semantic search tests every clip, and a byte search keeps that to
  /// milliseconds at 100,000 clips.
  let folded: [FoldedTexts]
  private let indexes: [ClipVectorField: ExactVectorIndex]

  init(
    generation: Int,
    clips: [LibraryClip],
    videos: [String: LibraryVideo],
    vectors: [ClipVectorField: [(Int64, [Float])]]
  ) throws {
    self.generation = generation
    self.videos = videos
    self.clips = clips.sorted {
      let a = videos[$0.videoID], b = videos[$1.videoID]
      let keyA = (a?.season ?? Int.max, a?.episode ?? Int.max, a?.createdAt ?? .distantPast)
      let keyB = (b?.season ?? Int.max, b?.episode ?? Int.max, b?.createdAt ?? .distantPast)
      if keyA != keyB { return keyA < keyB }
      return ($0.videoID, $0.index) < ($1.videoID, $1.index)
    }
    byID = Dictionary(uniqueKeysWithValues: clips.map { ($0.id!, $0) })
    folded = clips.map { clip in
      let texts = ClipSearcher.annotations(of: clip)
      return FoldedTexts(
        clipID: clip.id!,
        subtitle: Array(SubtitleMatch.normalized(texts[0]).utf8),
        annotations: Array(SubtitleMatch.normalized(texts.dropFirst().joined(separator: "\n")).utf8)
      )
    }
    var indexes: [ClipVectorField: ExactVectorIndex] = [:]
    for (field, rows) in vectors {
      let index = ExactVectorIndex(dimension: field == .semantic ? 512 : 1280, metric: .cosine)
      try index.upsert(contentsOf: rows)
      indexes[field] = index
    }
    self.indexes = indexes
  }

  func index(_ field: ClipVectorField) -> ExactVectorIndex? {
    indexes[field]
  }
}

/// A clip's texts folded for matching (`SubtitleMatch.normalized`), as UTF-8.
struct FoldedTexts: Sendable {
  let clipID: Int64
  let subtitle: [UInt8]
  let annotations: [UInt8]

  /// Whether `text` holds `needle` (both UTF-8 of folded strings, so a byte match is a
  /// character match).
  static func contains(_ text: [UInt8], _ needle: [UInt8]) -> Bool {
    guard !needle.isEmpty, text.count >= needle.count else { return false }
    return text.withUnsafeBufferPointer { haystack in
      needle.withUnsafeBufferPointer { needle in
        let first = needle[0]
        var start = 0
        let last = haystack.count - needle.count
        while start <= last {
          if haystack[start] == first {
            var offset = 1
            while offset < needle.count && haystack[start + offset] == needle[offset] { offset += 1 }
            if offset == needle.count { return true }
          }
          start += 1
        }
        return false
      }
    }
  }
}

/// The projects' snapshots, rebuilt when a project's media generation moves (any process's write
/// bumps it), so a search never sees a deleted clip or misses an ingested one. Exact scans keep
/// recall at 1; `loupe bench search` measures them at 100,000 clips.
actor ProjectSnapshots {
  private let repository: LibraryMediaRepository
  private var snapshots: [String: ProjectSnapshot] = [:]

  init(repository: LibraryMediaRepository) {
    self.repository = repository
  }

  func snapshot(projectID: String) async throws -> ProjectSnapshot {
    let generation = try await repository.generation(ofProject: projectID)
    if let snapshot = snapshots[projectID], snapshot.generation == generation { return snapshot }
    // Read at the generation first seen: a write racing this load makes the next search reload.
    let clips = try await repository.clipTexts(projectID: projectID)
    let videos = try await repository.videos(ids: Set(clips.map(\.videoID)))
    var vectors: [ClipVectorField: [(Int64, [Float])]] = [:]
    for field in ClipVectorField.allCases {
      vectors[field] = try await repository.clipVectors(projectID: projectID, field: field).vectors
    }
    let snapshot = try ProjectSnapshot(generation: generation, clips: clips, videos: videos, vectors: vectors)
    snapshots[projectID] = snapshot
    return snapshot
  }
}
