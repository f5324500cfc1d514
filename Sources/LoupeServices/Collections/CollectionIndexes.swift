import LoupeStore
import LoupeVectors

/// The vector indexes of collections, one per vector field, held in memory and built from the
/// store the first time a field is searched. Writes update the indexes already built; an index
/// being built while a write lands is built again, so an index never misses a committed row.
actor CollectionIndexes {
  struct Key: Hashable {
    var collectionID: Int64
    var field: String
  }

  private let repository: CollectionRepository
  private let makeIndex: @Sendable (_ dimension: Int, _ metric: VectorMetric) -> any VectorIndex
  private var indexes: [Key: any VectorIndex] = [:]
  /// Bumped by every write to a collection, so a build that raced a write knows to start over.
  private var generations: [Int64: Int] = [:]

  init(
    repository: CollectionRepository,
    makeIndex: @escaping @Sendable (_ dimension: Int, _ metric: VectorMetric) -> any VectorIndex
  ) {
    self.repository = repository
    self.makeIndex = makeIndex
  }

  /// The index of `field`, built from the store if needed.
  func index(of field: VectorFieldSpec, in collection: CollectionRecord) async throws -> any VectorIndex {
    let key = Key(collectionID: collection.id, field: field.name)
    while true {
      if let index = indexes[key] { return index }
      let generation = generations[collection.id, default: 0]
      let stored = try await repository.vectors(field: field.name, of: collection)
      let index = makeIndex(field.dimension, Self.metric(field.distance))
      try index.upsert(contentsOf: stored.lazy.map { ($0.rowID, $0.vector) })
      // A write landed while the vectors were read: read them again.
      guard generations[collection.id, default: 0] == generation else { continue }
      if let raced = indexes[key] { return raced }
      indexes[key] = index
      return index
    }
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
    generations[collection.id, default: 0] += 1
    for field in collection.schema.vectorFields {
      guard let index = indexes[Key(collectionID: collection.id, field: field.name)] else { continue }
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
    generations[collection.id, default: 0] += 1
    for field in collection.schema.vectorFields {
      guard let index = indexes[Key(collectionID: collection.id, field: field.name)] else { continue }
      for id in rowIDs { index.remove(id: id) }
    }
  }

  /// Forgets a dropped (or overwritten) collection's indexes.
  func dropped(_ collectionID: Int64) {
    generations[collectionID, default: 0] += 1
    indexes = indexes.filter { $0.key.collectionID != collectionID }
  }

  static func metric(_ distance: VectorFieldSpec.Distance) -> VectorMetric {
    switch distance {
    case .cosine: .cosine
    case .l2: .l2
    }
  }
}
