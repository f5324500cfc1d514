import LoupeAnalysis
import LoupeStore

/// What a project's clips learn from each other and from its characters, recomputed over the
/// whole project whenever a video finishes its ingest or a character's pictures change:
/// scene types (`RepeatedSegments` over the videos' visual timelines) and the face matcher's
/// characters (`CharacterMatcher`). Both are pure functions of stored vectors, so a rerun after
/// a crash gives the same answer.
struct ProjectSignals: Sendable {
  let repository: LibraryMediaRepository

  func refresh(projectID: String) async throws {
    try await refreshScenes(projectID: projectID)
    try await refreshCharacters(projectID: projectID)
  }

  func refreshScenes(projectID: String) async throws {
    let timelines = try await repository.visualTimelines(projectID: projectID)
    let labels = RepeatedSegments.label(
      timelines.map { timeline in
        (
          timeline.duration,
          timeline.clips.map { RepeatedSegments.Clip(id: $0.id, start: $0.start, end: $0.end, vector: $0.vector) }
        )
      }
    )
    try await repository.setSceneTypes(labels.mapValues(\.rawValue), projectID: projectID)
  }

  func refreshCharacters(projectID: String) async throws {
    let characters = try await repository.characterFaces(projectID: projectID)
    let clips = characters.isEmpty ? [] : try await repository.clipFaces(projectID: projectID)
    func faces(_ vectors: FaceVectors) -> CharacterMatcher.Faces {
      CharacterMatcher.Faces(photographed: vectors.photographed, drawn: vectors.drawn)
    }
    try await repository.setMatchedCharacters(
      CharacterMatcher.match(clips: clips.map { ($0.id, faces($0.faces)) }, characters: characters.mapValues(faces)),
      projectID: projectID
    )
  }
}
