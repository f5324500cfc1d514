import LoupeStore
import LoupeVectors

/// The projects' clip vectors in memory, one exact cosine index per project and vector kind,
/// rebuilt when the project's media generation moves (any process's write bumps it), so a
/// search never sees a deleted clip or misses an ingested one.
///
/// Exact scans keep recall at 1; `loupe bench search` measures them at 100,000 clips.
actor ClipVectorIndexes {
  private struct Entry {
    var generation: Int
    var index: ExactVectorIndex
  }

  private let repository: LibraryMediaRepository
  private var entries: [String: Entry] = [:]

  init(repository: LibraryMediaRepository) {
    self.repository = repository
  }

  /// The current index of `projectID`'s `field` vectors.
  func index(projectID: String, field: ClipVectorField) async throws -> ExactVectorIndex {
    let key = "\(projectID)/\(field.rawValue)"
    let generation = try await repository.generation(ofProject: projectID)
    if let entry = entries[key], entry.generation == generation { return entry.index }
    let loaded = try await repository.clipVectors(projectID: projectID, field: field)
    let index = ExactVectorIndex(
      dimension: field == .semantic ? 512 : 1280,
      metric: .cosine
    )
    try index.upsert(contentsOf: loaded.vectors)
    entries[key] = Entry(generation: loaded.generation, index: index)
    return index
  }
}
