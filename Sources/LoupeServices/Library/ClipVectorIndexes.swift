import LoupeMedia
import LoupeStore
import LoupeVectors

/// A project's clip vectors, indexed once and then kept up to date across snapshots.
///
/// Each kind has an `AdaptiveVectorIndex`: an exact scan up to 20,000 clips, HNSW above (recall
/// measured by `loupe bench search`), where a scan of 100,000 × 1,280 floats alone took 18–45 ms.
/// Rebuilding it for every write would cost a graph build per ingest; instead `update` applies
/// what changed, relying on two facts of the store: clip ids only grow, and a clip's vectors
/// never change once stored (a re-ingest replaces the clips with new ids). So the clips above
/// the newest id seen are added and the ids no longer stored are removed.
///
/// Only `ProjectSnapshots` (an actor) calls `update`; searches read the indexes, which are safe
/// to search during an update. A search running on an older snapshot may then meet a clip that
/// snapshot does not know, which it skips.
final class ClipVectorIndexes: @unchecked Sendable {
  private let indexes: [ClipVectorField: AdaptiveVectorIndex]
  // Guarded by the owning actor.
  private var indexed: [ClipVectorField: Set<Int64>] = [:]
  private var newestID: Int64 = 0

  init() {
    indexes = Dictionary(
      uniqueKeysWithValues: ClipVectorField.allCases.map { field in
        (field, AdaptiveVectorIndex(dimension: field.dimension, metric: .cosine))
      }
    )
  }

  func index(_ field: ClipVectorField) -> AdaptiveVectorIndex? {
    indexes[field]
  }

  /// Brings the indexes to the project's clips `clipIDs` (read from the store just before).
  func update(clipIDs: Set<Int64>, projectID: String, repository: LibraryMediaRepository) async throws {
    var newest = clipIDs.max() ?? 0
    for field in ClipVectorField.allCases {
      guard let index = indexes[field] else { continue }
      var ids = indexed[field, default: []]
      let gone = ids.subtracting(clipIDs)
      // Removing can compact a graph (a rebuild) once removed clips outnumber the rest.
      await offCooperativePool { for id in gone { index.remove(id: id) } }
      ids.subtract(gone)
      let added = try await repository.clipVectors(projectID: projectID, field: field, afterID: newestID)
      try await offCooperativePool { try index.upsert(contentsOf: added) }
      for (id, _) in added {
        ids.insert(id)
        newest = max(newest, id)
      }
      indexed[field] = ids
    }
    newestID = max(newestID, newest)
  }
}

extension ClipVectorField {
  /// The length of the field's vectors.
  var dimension: Int {
    switch self {
    case .semantic: 512
    case .visual: 1280
    }
  }
}
