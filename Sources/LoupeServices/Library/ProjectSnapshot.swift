import LoupeStore
import LoupeVectors

/// What a search reads of one project, held in memory between writes: its clips (without
/// vectors) in video and time order, their texts folded for matching, its videos, and an exact
/// cosine index per vector kind, built on first use. A snapshot belongs to one media generation;
/// `ProjectSnapshots` replaces it when any process's write moves the generation.
final class ProjectSnapshot: Sendable {
  let generation: Int
  let clips: [LibraryClip]
  let videos: [String: LibraryVideo]
  /// Per clip id: the folded subtitle, and the folded description, tags and labels.
  let folded: [Int64: (subtitle: String, annotations: String)]
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
    var folded: [Int64: (String, String)] = [:]
    for clip in clips {
      let texts = ClipSearcher.annotations(of: clip)
      folded[clip.id!] = (
        SubtitleMatch.normalized(texts[0]), SubtitleMatch.normalized(texts.dropFirst().joined(separator: "\n"))
      )
    }
    self.folded = folded
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
