import Foundation
import Logging
import LoupeMedia
import LoupeStore
import LoupeVectors

/// The vector indexes of collections, one per vector field, held in memory and built the first
/// time a field is searched: from the graph saved under `directory` when its generation is the
/// collection's, else from the stored vectors. Writes update the indexes already built; an index
/// being built while a write lands is built again, so an index never misses a committed row.
/// Graphs are saved when built and at shutdown (`saveAll`); a file that misses later writes
/// (a crash) carries an older generation and is rebuilt, never trusted.
actor CollectionIndexes {
  struct Key: Hashable {
    var collectionID: Int64
    var field: String
  }

  private let repository: CollectionRepository
  private let configuration: AdaptiveConfiguration
  private let directory: URL?
  private var indexes: [Key: AdaptiveVectorIndex] = [:]
  /// Bumped by every write to a collection, so a build that raced a write knows to start over.
  private var writes: [Int64: Int] = [:]
  /// Indexes changed since they were last saved.
  private var unsaved: Set<Key> = []

  init(repository: CollectionRepository, configuration: AdaptiveConfiguration, directory: URL?) {
    self.repository = repository
    self.configuration = configuration
    self.directory = directory
  }

  /// The index of `field`, restored or built if needed.
  func index(of field: VectorFieldSpec, in collection: CollectionRecord) async throws -> any VectorIndex {
    let key = Key(collectionID: collection.id, field: field.name)
    while true {
      if let index = indexes[key] { return index }
      let before = writes[collection.id, default: 0]
      let index = try await load(key, field: field, collection: collection)
      // A write landed while loading: load again.
      guard writes[collection.id, default: 0] == before else { continue }
      if let raced = indexes[key] { return raced }
      indexes[key] = index
      return index
    }
  }

  private func load(
    _ key: Key,
    field: VectorFieldSpec,
    collection: CollectionRecord
  ) async throws
    -> AdaptiveVectorIndex
  {
    let metric = Self.metric(field.distance)
    if let file = file(for: key), FileManager.default.fileExists(atPath: file.path) {
      let generation = try await repository.generation(of: collection)
      struct NeedsStoredVectors: Error {}
      let configuration = configuration
      let restored = try? await offCooperativePool {
        try AdaptiveVectorIndex.restore(
          from: file,
          generation: generation,
          dimension: field.dimension,
          metric: metric,
          configuration: configuration,
          storedVectors: { () throws -> [(Int64, [Float])] in throw NeedsStoredVectors() }
        )
      }
      if let (index, outcome) = restored, outcome == .loaded { return index }
    }
    let (generation, stored) = try await repository.vectors(field: field.name, of: collection)
    let index = AdaptiveVectorIndex(dimension: field.dimension, metric: metric, configuration: configuration)
    let file = file(for: key)
    // A graph over many vectors takes minutes of CPU: not on the cooperative threads.
    try await offCooperativePool {
      try index.rebuild(from: stored.lazy.map { ($0.rowID, $0.vector) })
      if let file { try? index.save(to: file, generation: generation) }
    }
    return index
  }

  /// The number of vectors in each of the collection's indexes built so far.
  func counts(of collection: CollectionRecord) -> [String: Int] {
    var counts: [String: Int] = [:]
    for field in collection.schema.vectorFields {
      if let index = indexes[Key(collectionID: collection.id, field: field.name)] { counts[field.name] = index.count }
    }
    return counts
  }

  /// Applies committed writes to the indexes already built.
  func written(_ rows: [(rowID: Int64, vectors: [String: [Float]])], in collection: CollectionRecord) throws {
    writes[collection.id, default: 0] += 1
    for field in collection.schema.vectorFields {
      let key = Key(collectionID: collection.id, field: field.name)
      guard let index = indexes[key] else { continue }
      unsaved.insert(key)
      for row in rows {
        if let vector = row.vectors[field.name] {
          try index.upsert(vector, id: row.rowID)
        } else {
          index.remove(id: row.rowID)
        }
      }
    }
  }

  /// Applies committed deletions to the indexes already built.
  func removed(_ rowIDs: [Int64], in collection: CollectionRecord) {
    writes[collection.id, default: 0] += 1
    for field in collection.schema.vectorFields {
      let key = Key(collectionID: collection.id, field: field.name)
      guard let index = indexes[key] else { continue }
      unsaved.insert(key)
      for id in rowIDs { index.remove(id: id) }
    }
  }

  /// Forgets a dropped (or overwritten) collection's indexes and their files.
  func dropped(_ collection: CollectionRecord) {
    writes[collection.id, default: 0] += 1
    for field in collection.schema.vectorFields {
      let key = Key(collectionID: collection.id, field: field.name)
      indexes[key] = nil
      unsaved.remove(key)
      if let file = file(for: key) { try? FileManager.default.removeItem(at: file) }
    }
  }

  /// Saves every index changed since it was built or saved, under its collection's current
  /// generation; called once writes have stopped (at shutdown).
  func saveAll(logger: Logger) async {
    for key in unsaved.sorted(by: { ($0.collectionID, $0.field) < ($1.collectionID, $1.field) }) {
      guard let index = indexes[key], let file = file(for: key) else { continue }
      do {
        let generation = try await repository.generation(ofCollectionID: key.collectionID)
        try index.save(to: file, generation: generation)
        unsaved.remove(key)
      } catch {
        logger.error(
          "saving a vector index failed",
          metadata: ["file": "\(file.lastPathComponent)", "error": "\(error)"]
        )
      }
    }
  }

  private func file(for key: Key) -> URL? {
    directory?.appendingPathComponent("collection-\(key.collectionID)-\(key.field).hnsw")
  }

  static func metric(_ distance: VectorFieldSpec.Distance) -> VectorMetric {
    switch distance {
    case .cosine: .cosine
    case .l2: .l2
    }
  }
}
