import Foundation
import LoupeStore
import LoupeVectors

/// Ranks a project's clips for a `ClipSearchQuery` (docs/library.md, "Search"):
/// - semantic: the query text's vector against the clips' semantic vectors, and reference
///   images' or a screenshot's visual vector against the clips' visual vectors, each as cosine;
///   text and images are mixed by `imageImportance`; a clip whose subtitle holds the query gains
///   0.3 and one whose description or tags do 0.15, so exact words outrank mere resemblance;
/// - subtitle: clips whose subtitle matches, exactly or fuzzily, in video and time order;
/// - keyword: clips whose subtitle, description, tags or labels contain the query;
/// - nothing to rank by: the filtered clips in video and time order (`filter`).
struct ClipSearcher: Sendable {
  let snapshots: ProjectSnapshots
  let analysis: (any ClipAnalysisService)?

  /// Semantic rankings consider at most this many clips per signal.
  static let maxCandidates = 1000
  static let subtitleBonus = 0.3
  static let annotationBonus = 0.15

  func search(
    _ query: ClipSearchQuery,
    referenceVectors: [[Float]],
    requiredCharacters: Set<String> = []
  ) async throws -> ClipSearchResult {
    let snapshot = try await snapshots.snapshot(projectID: query.projectID)
    let (clips, filtered) = allowedClips(query, in: snapshot, requiredCharacters: requiredCharacters)
    let text = query.text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    var ranked: [(clip: LibraryClip, score: Double)]
    var ranking: ClipSearchResult.Ranking
    switch query.mode {
    case .subtitle where !text.isEmpty:
      ranking = .keyword
      if query.subtitleExactMatch {
        // Bytes first, then characters: a byte match inside a character ("e" in "é" written
        // with a combining accent) is not a match.
        let bytes = Array(text.utf8)
        ranked = matching(clips, filtered: filtered, in: snapshot) { clip, texts in
          guard FoldedTexts.contains(texts.written, bytes), let subtitle = clip.subtitle else { return false }
          return SubtitleMatch.exact(text, in: subtitle)
        }
      } else {
        let needle = FuzzyNeedle(text)
        ranked = matching(clips, filtered: filtered, in: snapshot) { needle.matches($1.subtitle) }
      }
    case .keyword where !text.isEmpty:
      ranking = .keyword
      let needle = FuzzyNeedle(text)
      ranked = matching(clips, filtered: filtered, in: snapshot) { _, texts in
        needle.matches(texts.subtitle) || texts.annotations.contains { needle.matches($0) }
      }
    default:
      var images = referenceVectors
      if let screenshot = query.screenshot {
        images.append(try await requireAnalysis().visualVector(of: screenshot))
      }
      guard !text.isEmpty || !images.isEmpty else {
        ranking = .filter
        ranked = clips.map { ($0, 0) }
        break
      }
      ranking = .semantic
      ranked = try await semantic(
        text: text,
        images: images,
        importance: query.imageImportance,
        clips: clips,
        filtered: filtered,
        snapshot: snapshot
      )
    }
    let start = (query.page - 1) * query.pageSize
    let page = start < ranked.count ? Array(ranked[start..<min(ranked.count, start + query.pageSize)]) : []
    return ClipSearchResult(
      ranking: ranking,
      hits: page.map {
        .init(clip: $0.clip, similarity: ranking == .semantic ? min(1, max(0, $0.score)) : 0)
      },
      totalAvailable: ranked.count
    )
  }

  private func semantic(
    text: String,
    images: [[Float]],
    importance: Double,
    clips: [LibraryClip],
    filtered: Bool,
    snapshot: ProjectSnapshot
  ) async throws -> [(clip: LibraryClip, score: Double)] {
    // Without filters every clip is allowed, and the scan need not consult a set per vector.
    let allowedIDs: Set<Int64>? = filtered ? Set(clips.map { $0.id! }) : nil
    let allowed = allowedIDs.map(VectorFilter.ids)
    var textScores: [Int64: Double] = [:]
    if !text.isEmpty {
      let vector = try await requireAnalysis().embed(query: text)
      if let index = snapshot.index(.semantic) {
        for match in try index.search(vector, limit: Self.maxCandidates, allowing: allowed) {
          textScores[match.id] = 1 - Double(match.distance)
        }
      }
      let needle = Array(SubtitleMatch.normalized(text).utf8)
      if !needle.isEmpty {
        for texts in snapshot.folded where allowedIDs?.contains(texts.clipID) ?? true {
          if FoldedTexts.contains(texts.subtitle.bytes, needle) {
            textScores[texts.clipID, default: 0] += Self.subtitleBonus
          } else if texts.annotations.contains(where: { FoldedTexts.contains($0.bytes, needle) }) {
            textScores[texts.clipID, default: 0] += Self.annotationBonus
          }
        }
      }
    }
    var imageScores: [Int64: Double] = [:]
    if !images.isEmpty, let index = snapshot.index(.visual) {
      for vector in images {
        for match in try index.search(vector, limit: Self.maxCandidates, allowing: allowed) {
          imageScores[match.id, default: 0] += (1 - Double(match.distance)) / Double(images.count)
        }
      }
    }
    let weight = text.isEmpty ? 1 : images.isEmpty ? 0 : min(1, max(0, importance))
    let ids = Set(textScores.keys).union(imageScores.keys)
    return ids.compactMap { id in
      guard let clip = snapshot.byID[id] else { return nil }
      let score = weight * (imageScores[id] ?? 0) + (1 - weight) * (textScores[id] ?? 0)
      return (clip, score)
    }.sorted { $0.score != $1.score ? $0.score > $1.score : $0.clip.id! < $1.clip.id! }
  }

  /// The clips among `clips` (the snapshot's, or those passing filters) whose texts pass `test`,
  /// in their order. Unfiltered, the snapshot's clips and texts are walked side by side.
  private func matching(
    _ clips: [LibraryClip],
    filtered: Bool,
    in snapshot: ProjectSnapshot,
    _ test: (LibraryClip, FoldedTexts) -> Bool
  ) -> [(clip: LibraryClip, score: Double)] {
    var found: [(clip: LibraryClip, score: Double)] = []
    if filtered {
      for clip in clips {
        if let texts = snapshot.folded(clip), test(clip, texts) { found.append((clip, 0)) }
      }
    } else {
      for (position, texts) in snapshot.folded.enumerated() where test(snapshot.clips[position], texts) {
        found.append((snapshot.clips[position], 0))
      }
    }
    return found
  }

  /// The snapshot's clips that pass the query's filters, in video and time order, and whether
  /// any filter applied.
  private func allowedClips(
    _ query: ClipSearchQuery,
    in snapshot: ProjectSnapshot,
    requiredCharacters: Set<String>
  ) -> ([LibraryClip], Bool) {
    let videoIDs = query.videoIDs.map(Set.init)
    let filtered =
      videoIDs != nil || query.season != nil || query.objectSize != nil || query.sceneType != nil
      || !requiredCharacters.isEmpty
    guard filtered else { return (snapshot.clips, false) }
    let clips = snapshot.clips.filter { clip in
      if let videoIDs, !videoIDs.contains(clip.videoID) { return false }
      if let season = query.season, snapshot.videos[clip.videoID]?.season != season { return false }
      if let size = query.objectSize, clip.shotSize != size.rawValue { return false }
      if let scene = query.sceneType, clip.sceneType != scene { return false }
      return requiredCharacters.isEmpty || requiredCharacters.isSubset(of: clip.effectiveCharacterIDs)
    }
    return (clips, true)
  }

  /// A clip's searchable texts: subtitle first, then description, users' tags and labels.
  static func annotations(of clip: LibraryClip, decoder: JSONDecoder = JSONDecoder()) -> [String] {
    var texts = [clip.subtitle ?? "", clip.description ?? "", clip.tags ?? ""]
    if let data = clip.aiTags?.data(using: .utf8), let tags = try? decoder.decode(ClipTags.self, from: data) {
      texts.append(tags.labels.joined(separator: "\n"))
    }
    return texts
  }

  private func requireAnalysis() throws -> any ClipAnalysisService {
    guard let analysis else { throw LibraryFailure.unavailable("the search models are not loaded on this server") }
    return analysis
  }
}
