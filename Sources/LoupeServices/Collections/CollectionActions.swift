import Foundation
import Logging
import LoupeStore
import LoupeVectors

/// Collections as the application runs them (seed 001's image search): typed rows whose vector
/// fields fill themselves from a source field on insert, and search by text, image or vector
/// with filters. Collections belong to a project; callers name the project they act in.
public struct CollectionActions: Sendable {
  public static let maxRowsPerCall = EmbeddingActions.maxInputs
  public static let maxLimit = 1_000

  let repository: CollectionRepository
  let indexes: CollectionIndexes
  let embeddings: EmbeddingActions?

  /// `indexDirectory` keeps the saved vector graphs (none: always built from the store);
  /// `indexConfiguration` says when a field's index moves from a scan to a graph.
  public init(
    repository: CollectionRepository,
    embeddings: EmbeddingActions?,
    indexDirectory: URL?,
    indexConfiguration: AdaptiveConfiguration = .init()
  ) {
    self.repository = repository
    self.embeddings = embeddings
    indexes = CollectionIndexes(repository: repository, configuration: indexConfiguration, directory: indexDirectory)
  }

  // MARK: Collections

  public func create(
    projectID: String,
    name: String,
    definition: CollectionDefinition,
    ifExists: CollectionRepository.IfExists
  ) async throws -> CollectionSummary {
    guard CollectionDefinition.isValidName(name) else {
      throw ServiceError.invalidParameter("name must be a letter then up to 63 letters, digits or _")
    }
    let schema = try definition.schema()
    let existing = try await repository.collection(projectID: projectID, name: name)
    let (collection, created): (CollectionRecord, Bool)
    do {
      (collection, created) = try await repository.create(
        projectID: projectID,
        name: name,
        schema: schema,
        ifExists: ifExists
      )
    } catch CollectionError.alreadyExists(let name) {
      throw ServiceError.conflict("collection \(name) already exists")
    }
    if created, let existing { await indexes.dropped(existing) }
    return try await summary(of: collection, created: created)
  }

  public func list(projectID: String) async throws -> [CollectionSummary] {
    var summaries: [CollectionSummary] = []
    for collection in try await repository.collections(projectID: projectID) {
      summaries.append(try await summary(of: collection, created: false))
    }
    return summaries
  }

  public func get(projectID: String, name: String) async throws -> CollectionSummary {
    try await summary(of: try await collection(projectID: projectID, name: name), created: false)
  }

  public func delete(projectID: String, name: String) async throws {
    let collection = try await collection(projectID: projectID, name: name)
    guard try await repository.delete(projectID: projectID, name: name) else {
      throw ServiceError.notFound("collection \(name)")
    }
    await indexes.dropped(collection)
  }

  // MARK: Rows

  /// Stores rows, computing each vector field from its source. A row that does not fit the
  /// schema, or whose source cannot be fetched, decoded or embedded, fails alone; the others are
  /// stored in one transaction. Throws only for what fails the whole call (an unknown
  /// collection, too many rows, a busy server).
  public func insert(
    projectID: String,
    name: String,
    rows: [JSONValue],
    upsert: Bool,
    owner: String
  ) async throws -> CollectionInsertOutcome {
    let collection = try await collection(projectID: projectID, name: name)
    let schema = collection.schema
    guard !rows.isEmpty, rows.count <= Self.maxRowsPerCall else {
      throw ServiceError.invalidParameter("rows must hold 1–\(Self.maxRowsPerCall) rows")
    }
    var errors: [Int: String] = [:]
    var parsed: [Int: CollectionRowInput] = [:]
    for (index, row) in rows.enumerated() {
      do {
        let input = try CollectionRowInput(row, schema: schema)
        try Self.checkExplicitVectors(input.vectors, schema: schema)
        parsed[index] = input
      } catch let error as ServiceError {
        errors[index] = error.description
      } catch let error as InputError {
        // A source that is not a usable URL (an unsupported scheme, a malformed data URI).
        errors[index] = error.description
      }
    }
    for spec in schema.vectorFields {
      guard let modelName = spec.model, let model = EmbeddingModel(rawValue: modelName) else { continue }
      let wanted = parsed.keys.sorted().compactMap { index in parsed[index]?.sources[spec.name].map { (index, $0) } }
      guard !wanted.isEmpty else { continue }
      guard let embeddings else { throw ServiceError.modelNotFound }
      let results = try await embeddings.embedEach(wanted.map(\.1), model: model, owner: owner)
      for ((index, _), result) in zip(wanted, results) {
        switch result {
        case .success(let vector): parsed[index]?.vectors[spec.name] = vector
        case .failure(let failure):
          errors[index] = "\(spec.sourceField ?? spec.name): \(failure)"
          parsed[index] = nil
        }
      }
    }
    let order = parsed.keys.sorted()
    let newRows = try order.map { index in
      let row = parsed[index]!
      return NewRow(key: row.key, fields: try row.fieldsJSON(), vectors: row.vectors)
    }
    let written = try await repository.write(newRows, into: collection, upsert: upsert)
    var ids: [JSONValue] = []
    var stored: [(rowID: Int64, vectors: [String: [Float]])] = []
    for ((index, row), result) in zip(zip(order, newRows), written) {
      switch result {
      case .success(let written):
        ids.append(Self.keyValue(written, schema: schema))
        stored.append((written.rowID, row.vectors))
      case .failure(let error): errors[index] = error.description
      }
    }
    try await indexes.written(stored, in: collection)
    return CollectionInsertOutcome(
      inserted: stored.count,
      ids: ids,
      errors: errors.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    )
  }

  /// The rows with these primary keys, in the order asked; unknown keys are left out.
  public func rows(
    projectID: String,
    name: String,
    ids: [JSONValue],
    withVectors: Bool
  ) async throws
    -> [[String: JSONValue]]
  {
    let collection = try await collection(projectID: projectID, name: name)
    let keys = try ids.map { try Self.keyText($0, schema: collection.schema) }
    return try await repository.rows(keys: keys, in: collection, withVectors: withVectors).map(Self.object)
  }

  /// A page of the rows matching `filter`, in primary-key order for integer keys (insertion
  /// order otherwise), and how many match in all.
  public func page(
    projectID: String,
    name: String,
    filter: JSONValue?,
    offset: Int,
    limit: Int,
    withVectors: Bool
  ) async throws -> (rows: [[String: JSONValue]], total: Int) {
    let collection = try await collection(projectID: projectID, name: name)
    guard offset >= 0, (1...Self.maxLimit).contains(limit) else {
      throw ServiceError.invalidParameter("offset must be ≥ 0 and limit 1–\(Self.maxLimit)")
    }
    let filter = try CollectionFilter.parse(filter, schema: collection.schema)
    let rows = try await repository.page(
      of: collection,
      filter: filter,
      offset: offset,
      limit: limit,
      withVectors: withVectors
    )
    return (try rows.map(Self.object), try await repository.count(of: collection, filter: filter))
  }

  /// Deletes rows by primary key or by filter (exactly one of them); returns how many went.
  public func deleteRows(projectID: String, name: String, ids: [JSONValue]?, filter: JSONValue?) async throws -> Int {
    let collection = try await collection(projectID: projectID, name: name)
    let deleted: [Int64]
    switch (ids, filter) {
    case (let ids?, nil):
      let keys = try ids.map { try Self.keyText($0, schema: collection.schema) }
      deleted = try await repository.deleteRows(keys: keys, from: collection)
    case (nil, let filter?):
      guard let parsed = try CollectionFilter.parse(filter, schema: collection.schema), !parsed.conditions.isEmpty
      else { throw ServiceError.invalidParameter("filter must hold at least one condition") }
      deleted = try await repository.deleteRows(filter: parsed, from: collection)
    default:
      throw ServiceError.invalidParameter("give either ids or filter")
    }
    await indexes.removed(deleted, in: collection)
    return deleted.count
  }

  // MARK: Search

  /// The rows nearest to `query` in one vector field, best first, with `_distance` (cosine:
  /// 1 − cosine similarity; l2: Euclidean distance) and `_score` (cosine similarity, or
  /// 1 / (1 + distance) for l2). Rows without a vector in that field are never found.
  public func search(
    projectID: String,
    name: String,
    query: CollectionQuery,
    vectorField: String?,
    limit: Int,
    filter: JSONValue?,
    distanceThreshold: Double?,
    withVectors: Bool,
    owner: String
  ) async throws -> [[String: JSONValue]] {
    let collection = try await collection(projectID: projectID, name: name)
    let schema = collection.schema
    guard (1...Self.maxLimit).contains(limit) else {
      throw ServiceError.invalidParameter("limit must be 1–\(Self.maxLimit)")
    }
    let spec = try Self.vectorField(vectorField, in: schema)
    let vector = try await queryVector(query, field: spec, owner: owner)
    var allowed: VectorFilter?
    if let filter = try CollectionFilter.parse(filter, schema: schema) {
      allowed = .ids(Set(try await repository.rowIDs(of: collection, matching: filter)))
    }
    let index = try await indexes.index(of: spec, in: collection)
    var matches: [(id: Int64, distance: Float)] = try index.search(vector, limit: limit, allowing: allowed).map {
      ($0.id, Self.reportedDistance($0.distance, spec.distance))
    }
    if let distanceThreshold { matches = matches.filter { Double($0.distance) <= distanceThreshold } }
    var distances: [Int64: Float] = [:]
    for match in matches { distances[match.id] = match.distance }
    let rows = try await repository.rows(ids: matches.map(\.id), in: collection, withVectors: withVectors)
    return try rows.map { row in
      var object = try Self.object(row)
      let distance = distances[row.rowID] ?? 0
      object["_distance"] = .number(Double(distance))
      object["_score"] = .number(Double(spec.distance == .cosine ? 1 - distance : 1 / (1 + distance)))
      return object
    }
  }

  // MARK: Helpers

  private func collection(projectID: String, name: String) async throws -> CollectionRecord {
    guard let collection = try await repository.collection(projectID: projectID, name: name) else {
      throw ServiceError.notFound("collection \(name)")
    }
    return collection
  }

  private func summary(of collection: CollectionRecord, created: Bool) async throws -> CollectionSummary {
    CollectionSummary(
      name: collection.name,
      schema: collection.schema,
      rowCount: try await repository.count(of: collection),
      indexedVectors: await indexes.counts(of: collection),
      createdAt: collection.createdAt,
      created: created
    )
  }

  private func queryVector(_ query: CollectionQuery, field: VectorFieldSpec, owner: String) async throws -> [Float] {
    let input: EmbeddingInput
    switch query {
    case .vector(let vector):
      guard vector.count == field.dimension, vector.allSatisfy(\.isFinite) else {
        throw ServiceError.invalidParameter("query vector must hold \(field.dimension) finite numbers")
      }
      return vector
    case .text(let text): input = .text(text)
    case .image(let image): input = image
    }
    guard let modelName = field.model, let model = EmbeddingModel(rawValue: modelName) else {
      throw ServiceError.invalidParameter("\(field.name) holds explicit vectors: search it with a vector")
    }
    guard let embeddings else { throw ServiceError.modelNotFound }
    return try await embeddings.embed([input], model: model, owner: owner)[0]
  }

  private static func vectorField(_ name: String?, in schema: CollectionSchema) throws -> VectorFieldSpec {
    if let name {
      guard let spec = schema.vectorField(named: name) else {
        throw ServiceError.invalidParameter("vector_field: no vector field \(name.debugDescription)")
      }
      return spec
    }
    guard schema.vectorFields.count == 1 else {
      throw ServiceError.invalidParameter(
        schema.vectorFields.isEmpty
          ? "the collection has no vector field" : "the collection has several vector fields: name one in vector_field"
      )
    }
    return schema.vectorFields[0]
  }

  private static func checkExplicitVectors(_ vectors: [String: [Float]], schema: CollectionSchema) throws {
    for (name, vector) in vectors where schema.vectorField(named: name)?.distance == .cosine {
      guard vector.contains(where: { $0 != 0 }) else {
        throw ServiceError.invalidParameter("\(name): a zero vector has no cosine distance")
      }
    }
  }

  /// The index reports squared Euclidean distances for l2; clients get the distance itself.
  private static func reportedDistance(_ distance: Float, _ metric: VectorFieldSpec.Distance) -> Float {
    metric == .l2 ? max(0, distance).squareRoot() : distance
  }

  private static func keyValue(_ row: WrittenRow, schema: CollectionSchema) -> JSONValue {
    schema.primaryKey.type == .int ? .number(Double(row.rowID)) : .string(row.key)
  }

  private static func keyText(_ value: JSONValue, schema: CollectionSchema) throws -> String {
    switch (schema.primaryKey.type, value) {
    case (.int, .number(let number)) where number.rounded() == number: return String(Int64(number))
    case (.string, .string(let text)): return text
    default:
      throw ServiceError.invalidParameter("ids must be values of the primary key \(schema.primaryKey.name)")
    }
  }

  private static func object(_ row: CollectionRow) throws -> [String: JSONValue] {
    guard case .object(var object) = try JSONDecoder().decode(JSONValue.self, from: row.fields) else { return [:] }
    for (field, vector) in row.vectors { object[field] = .array(vector.map { .number(Double($0)) }) }
    return object
  }
}
