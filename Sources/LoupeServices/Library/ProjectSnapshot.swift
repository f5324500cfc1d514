import Foundation
import Logging
import LoupeMedia
import LoupeStore
import LoupeVectors

/// What a search reads of one project, held in memory between writes: its clips (without
/// vectors) in video and time order, their texts folded for matching, its videos, and the
/// project's vector indexes (`ClipVectorIndexes`, shared by its snapshots). A snapshot belongs to
/// one media generation; `ProjectSnapshots` replaces it when any process's write moves the
/// generation.
final class ProjectSnapshot: Sendable {
  let generation: Int
  let clips: [LibraryClip]
  let byID: [Int64: LibraryClip]
  let videos: [String: LibraryVideo]
  /// Each clip's folded subtitle, and its folded description, tags and labels, as UTF-8 bytes, in
  /// the order of `clips`: keyword bonuses and subtitle searches test every clip, and byte
  /// searches on texts folded once keep that to milliseconds at 100,000 clips.
  let folded: [FoldedTexts]
  /// Each clip's position in `folded`.
  private let foldedPosition: [Int64: Int]
  private let indexes: ClipVectorIndexes

  /// `known` holds texts already folded by an earlier snapshot, for clips unchanged since.
  init(
    generation: Int,
    clips: [LibraryClip],
    videos: [String: LibraryVideo],
    indexes: ClipVectorIndexes,
    known: [Int64: FoldedTexts] = [:]
  ) {
    self.generation = generation
    self.videos = videos
    // Videos in season, episode and upload order, then clips by index: ranking the few videos
    // first keeps the sort of 100,000 clips from looking videos up at every comparison.
    let videoOrder = Set(clips.map(\.videoID)).sorted { first, second in
      let a = videos[first], b = videos[second]
      let keyA = (a?.season ?? Int.max, a?.episode ?? Int.max, a?.createdAt ?? .distantPast)
      let keyB = (b?.season ?? Int.max, b?.episode ?? Int.max, b?.createdAt ?? .distantPast)
      return keyA != keyB ? keyA < keyB : first < second
    }
    let rank = Dictionary(uniqueKeysWithValues: videoOrder.enumerated().map { ($1, $0) })
    self.clips = clips.map { (rank: rank[$0.videoID] ?? 0, clip: $0) }
      .sorted { ($0.rank, $0.clip.index) < ($1.rank, $1.clip.index) }.map(\.clip)
    byID = Dictionary(uniqueKeysWithValues: clips.map { ($0.id!, $0) })
    let decoder = JSONDecoder()
    folded = self.clips.map { clip in
      if let texts = known[clip.id!] { return texts }
      let texts = ClipSearcher.annotations(of: clip, decoder: decoder)
      return FoldedTexts(
        clipID: clip.id!,
        written: Array(texts[0].utf8),
        subtitle: FoldedLine(folding: texts[0]),
        annotations: texts.dropFirst().map(FoldedLine.init(folding:)).filter { !$0.bytes.isEmpty }
      )
    }
    foldedPosition = Dictionary(uniqueKeysWithValues: folded.enumerated().map { ($1.clipID, $0) })
    self.indexes = indexes
  }

  /// The clip's folded texts.
  func folded(_ clip: LibraryClip) -> FoldedTexts? {
    clip.id.flatMap { foldedPosition[$0] }.map { folded[$0] }
  }

  func index(_ field: ClipVectorField) -> AdaptiveVectorIndex? {
    indexes.index(field)
  }
}

/// A clip's texts folded for matching (`SubtitleMatch.normalized`), as UTF-8.
struct FoldedTexts: Sendable {
  let clipID: Int64
  /// The subtitle as written, for exact matches.
  let written: [UInt8]
  let subtitle: FoldedLine
  /// Description, tags and labels, each on its own (empty ones left out).
  let annotations: [FoldedLine]

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
/// bumps it), so a search never sees a deleted clip or misses an ingested one. The vector indexes
/// are not rebuilt but updated with what changed; `loupe bench search` measures both at 100,000
/// clips.
actor ProjectSnapshots {
  private let repository: LibraryMediaRepository
  /// Where the projects' vector graphs are saved; `nil`: never saved.
  private let indexDirectory: URL?
  private var snapshots: [String: ProjectSnapshot] = [:]
  private var indexes: [String: ClipVectorIndexes] = [:]
  private var loads: [String: Task<ProjectSnapshot, any Error>] = [:]

  init(repository: LibraryMediaRepository, indexDirectory: URL?) {
    self.repository = repository
    self.indexDirectory = indexDirectory
  }

  /// Saves the vector graphs changed since they were last saved; called at shutdown, once the
  /// loads under way (which update the indexes) have finished.
  func saveIndexes(logger: Logger) async {
    for load in loads.values { _ = try? await load.value }
    for (_, projectIndexes) in indexes.sorted(by: { $0.key < $1.key }) {
      await projectIndexes.saveChanges(logger: logger)
    }
  }

  func snapshot(projectID: String) async throws -> ProjectSnapshot {
    while true {
      let generation = try await repository.generation(ofProject: projectID)
      if let snapshot = snapshots[projectID], snapshot.generation == generation { return snapshot }
      // One load per project at a time: loads update the project's shared indexes. A search that
      // finds one running waits for it, then checks again that it is current.
      if let loading = loads[projectID] {
        _ = try? await loading.value
        continue
      }
      let load = Task { try await self.load(projectID: projectID, generation: generation) }
      loads[projectID] = load
      defer { loads[projectID] = nil }
      return try await load.value
    }
  }

  /// Reads the project at `generation` (a write racing this load makes the next search reload).
  /// After an earlier snapshot only the clips written since are read and folded (their
  /// `text_generation` is above its generation) and deleted ones dropped: at 100,000 clips a
  /// full read and fold takes about 2 s. The graph builds and text folding run off the
  /// cooperative pool: at 100,000 clips they take seconds to a minute.
  private func load(projectID: String, generation: Int) async throws -> ProjectSnapshot {
    var clips: [LibraryClip]
    var known: [Int64: FoldedTexts] = [:]
    if let previous = snapshots[projectID] {
      let changed = try await repository.clipTexts(projectID: projectID, changedAfter: previous.generation)
      let ids = try await repository.clipIDs(projectID: projectID)
      (clips, known) = await offCooperativePool {
        let replaced = Dictionary(changed.map { ($0.id!, $0) }, uniquingKeysWith: { $1 })
        var known: [Int64: FoldedTexts] = [:]
        let clips = ids.compactMap { id -> LibraryClip? in
          if let clip = replaced[id] { return clip }
          guard let clip = previous.byID[id] else { return nil }
          known[id] = previous.folded(clip)
          return clip
        }
        return (clips, known)
      }
    } else {
      clips = try await repository.clipTexts(projectID: projectID)
    }
    let videos = try await repository.videos(ids: Set(clips.map(\.videoID)))
    let projectIndexes: ClipVectorIndexes
    if let known = indexes[projectID] {
      projectIndexes = known
    } else {
      projectIndexes = await ClipVectorIndexes.restore(projectID: projectID, directory: indexDirectory)
    }
    indexes[projectID] = projectIndexes
    try await projectIndexes.update(clipIDs: Set(clips.map { $0.id! }), projectID: projectID, repository: repository)
    let snapshot = await offCooperativePool { [clips, known] in
      ProjectSnapshot(generation: generation, clips: clips, videos: videos, indexes: projectIndexes, known: known)
    }
    snapshots[projectID] = snapshot
    return snapshot
  }
}
