import Foundation
import Logging
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
/// The same facts make a saved graph usable whatever its age: it is saved under the newest clip
/// id it has seen, and after loading it `update` applies what happened since. A graph is saved
/// after an update that changed much of it (the first build of 100,000 clips took about 50 s) and
/// at graceful shutdown; a damaged or mismatched file is ignored and the graph rebuilt.
///
/// Only `ProjectSnapshots` (an actor) calls `update` and `saveChanges`; searches read the
/// indexes, which are safe to search during an update. A search running on an older snapshot may
/// then meet a clip that snapshot does not know, which it skips.
final class ClipVectorIndexes: @unchecked Sendable {
  private let indexes: [ClipVectorField: AdaptiveVectorIndex]
  private let files: [ClipVectorField: URL]
  // Guarded by the owning actor.
  private var indexed: [ClipVectorField: Set<Int64>] = [:]
  private var newestID: [ClipVectorField: Int64] = [:]
  private var unsaved: Set<ClipVectorField> = []

  /// A change to at least this share of an index saves its graph at once.
  static let saveFraction = 0.1

  /// The project's indexes, from the graphs saved under `directory` where they load, else empty
  /// (the first `update` fills them). `nil` directory: nothing is saved or loaded.
  static func restore(
    projectID: String,
    directory: URL?,
    configuration: AdaptiveConfiguration = .init()
  ) async -> ClipVectorIndexes {
    await offCooperativePool {
      ClipVectorIndexes(projectID: projectID, directory: directory, configuration: configuration)
    }
  }

  private init(projectID: String, directory: URL?, configuration: AdaptiveConfiguration) {
    // Project ids are UUIDs; anything else is not made into a file name.
    let safe = !projectID.isEmpty && projectID.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    var files: [ClipVectorField: URL] = [:]
    var indexes: [ClipVectorField: AdaptiveVectorIndex] = [:]
    var indexed: [ClipVectorField: Set<Int64>] = [:]
    var newestID: [ClipVectorField: Int64] = [:]
    for field in ClipVectorField.allCases {
      if safe, let directory {
        files[field] = directory.appendingPathComponent("library-\(projectID)-\(field.rawValue).hnsw")
      }
      if let file = files[field], FileManager.default.fileExists(atPath: file.path),
        let (index, generation) = try? AdaptiveVectorIndex.load(
          from: file,
          dimension: field.dimension,
          metric: .cosine,
          configuration: configuration
        )
      {
        indexes[field] = index
        indexed[field] = Set(index.ids)
        newestID[field] = Int64(bitPattern: generation)
      } else {
        indexes[field] = AdaptiveVectorIndex(dimension: field.dimension, metric: .cosine, configuration: configuration)
      }
    }
    self.indexes = indexes
    self.files = files
    self.indexed = indexed
    self.newestID = newestID
  }

  func index(_ field: ClipVectorField) -> AdaptiveVectorIndex? {
    indexes[field]
  }

  /// Brings the indexes to the project's clips `clipIDs` (read from the store just before).
  func update(clipIDs: Set<Int64>, projectID: String, repository: LibraryMediaRepository) async throws {
    for field in ClipVectorField.allCases {
      guard let index = indexes[field] else { continue }
      var ids = indexed[field, default: []]
      let gone = ids.subtracting(clipIDs)
      // Removing can compact a graph (a rebuild) once removed clips outnumber the rest.
      await offCooperativePool { for id in gone { index.remove(id: id) } }
      ids.subtract(gone)
      let seen = newestID[field, default: 0]
      let added = try await repository.clipVectors(projectID: projectID, field: field, afterID: seen)
      try await offCooperativePool { try index.upsert(contentsOf: added) }
      ids.formUnion(added.map(\.0))
      indexed[field] = ids
      newestID[field] = max(seen, clipIDs.max() ?? 0, added.map(\.0).max() ?? 0)
      let changed = gone.count + added.count
      if changed > 0 { unsaved.insert(field) }
      if Double(changed) >= Self.saveFraction * Double(max(ids.count, 1)) { try? await save(field) }
    }
  }

  /// Saves the graphs changed since they were last saved (at shutdown).
  func saveChanges(logger: Logger) async {
    for field in unsaved.sorted(by: { $0.rawValue < $1.rawValue }) {
      do {
        try await save(field)
      } catch {
        logger.error(
          "saving a library vector index failed",
          metadata: ["field": "\(field.rawValue)", "error": "\(error)"]
        )
      }
    }
  }

  /// Saves the field's graph under the newest clip id it has seen (a scanned set keeps no file).
  private func save(_ field: ClipVectorField) async throws {
    guard let index = indexes[field], let file = files[field] else { return }
    let generation = UInt64(bitPattern: newestID[field, default: 0])
    try await offCooperativePool { try index.save(to: file, generation: generation) }
    unsaved.remove(field)
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
