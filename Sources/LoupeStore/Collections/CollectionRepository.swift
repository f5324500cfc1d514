import Foundation
import GRDB

/// Collections, their rows and their vectors, in the embedded store. A row's scalar fields are
/// one JSON object (filters read them with `json_extract`, every value bound); its vectors are
/// little-endian float32 blobs beside it, deleted with it.
public struct CollectionRepository: Sendable {
  let database: LoupeDatabase

  public init(database: LoupeDatabase) {
    self.database = database
  }

  public enum IfExists: String, Sendable {
    case fail, skip, overwrite
  }

  // MARK: Collections

  /// Creates a collection; an existing one of that name is refused (`fail`), kept as it is
  /// (`skip`) or dropped with its rows first (`overwrite`), as pytidb's `create_table` does.
  /// Returns the collection and whether it was created.
  public func create(
    projectID: String,
    name: String,
    schema: CollectionSchema,
    ifExists: IfExists,
    now: Date = Date()
  ) async throws -> (collection: CollectionRecord, created: Bool) {
    let json = String(decoding: try JSONEncoder().encode(schema), as: UTF8.self)
    return try await database.pool.write { database in
      if let existing = try Self.collection(projectID: projectID, name: name, in: database) {
        switch ifExists {
        case .fail: throw CollectionError.alreadyExists(name)
        case .skip: return (existing, false)
        case .overwrite: try database.execute(sql: "DELETE FROM collection WHERE id = ?", arguments: [existing.id])
        }
      }
      try database.execute(
        sql: "INSERT INTO collection (project_id, name, schema, created_at) VALUES (?, ?, ?, ?)",
        arguments: [projectID, name, json, now]
      )
      let collection = CollectionRecord(
        id: database.lastInsertedRowID,
        projectID: projectID,
        name: name,
        schema: schema,
        createdAt: now
      )
      return (collection, true)
    }
  }

  public func collections(projectID: String) async throws -> [CollectionRecord] {
    try await database.pool.read { database in
      try Row.fetchAll(
        database,
        sql: "SELECT * FROM collection WHERE project_id = ? ORDER BY name",
        arguments: [projectID]
      )
      .map(CollectionRecord.init(row:))
    }
  }

  public func collection(projectID: String, name: String) async throws -> CollectionRecord? {
    try await database.pool.read { try Self.collection(projectID: projectID, name: name, in: $0) }
  }

  /// Deletes the collection with its rows and vectors; `false` when there was none.
  public func delete(projectID: String, name: String) async throws -> Bool {
    try await database.pool.write { database in
      try database.execute(
        sql: "DELETE FROM collection WHERE project_id = ? AND name = ?",
        arguments: [projectID, name]
      )
      return database.changesCount > 0
    }
  }

  // MARK: Rows

  /// Writes `rows` in one transaction, each alone: a duplicate key (for `upsert: false`) fails
  /// its row and no other. With `upsert`, a row whose key exists replaces it, vectors included.
  public func write(
    _ rows: [NewRow],
    into collection: CollectionRecord,
    upsert: Bool
  ) async throws -> [Result<WrittenRow, CollectionError>] {
    let keyField = collection.schema.primaryKey.name
    let keyPath = Self.path(keyField)
    return try await database.pool.write { database in
      var next =
        try Int64.fetchOne(
          database,
          sql: "SELECT MAX(row_id) FROM collection_row WHERE collection_id = ?",
          arguments: [collection.id]
        ).map { $0 + 1 } ?? 1
      var results: [Result<WrittenRow, CollectionError>] = []
      for row in rows {
        let key: String?
        switch row.key {
        case .integer(let value): key = String(value)
        case .text(let value): key = value
        case .automatic: key = nil
        }
        let existing = try key.flatMap { try Self.rowID(key: $0, collectionID: collection.id, in: database) }
        if let existing {
          guard upsert, let key else {
            results.append(.failure(.duplicateKey(key ?? "")))
            continue
          }
          try database.execute(
            sql: "UPDATE collection_row SET fields = ? WHERE collection_id = ? AND row_id = ?",
            arguments: [String(decoding: row.fields, as: UTF8.self), collection.id, existing]
          )
          try database.execute(
            sql: "DELETE FROM collection_vector WHERE collection_id = ? AND row_id = ?",
            arguments: [collection.id, existing]
          )
          try Self.insertVectors(row.vectors, rowID: existing, collectionID: collection.id, in: database)
          results.append(.success(WrittenRow(rowID: existing, key: key)))
          continue
        }
        let rowID: Int64
        if case .integer(let value) = row.key { rowID = value } else { rowID = next }
        next = max(next, rowID + 1)
        let rowKey = key ?? String(rowID)
        // An automatic key is written into the row's fields as the store assigns it.
        try database.execute(
          sql: """
            INSERT INTO collection_row (collection_id, row_id, key, fields)
            VALUES (?, ?, ?, CASE WHEN ? THEN json_set(?, ?, ?) ELSE json(?) END)
            """,
          arguments: [
            collection.id, rowID, rowKey, key == nil, String(decoding: row.fields, as: UTF8.self), keyPath, rowID,
            String(decoding: row.fields, as: UTF8.self),
          ]
        )
        try Self.insertVectors(row.vectors, rowID: rowID, collectionID: collection.id, in: database)
        results.append(.success(WrittenRow(rowID: rowID, key: rowKey)))
      }
      if results.contains(where: { (try? $0.get()) != nil }) { try Self.bump(collection.id, in: database) }
      return results
    }
  }

  /// The rows with these primary keys (as text), in the order asked; missing keys are skipped.
  public func rows(keys: [String], in collection: CollectionRecord, withVectors: Bool) async throws -> [CollectionRow] {
    let ids = try await database.pool.read { database in
      try keys.compactMap { try Self.rowID(key: $0, collectionID: collection.id, in: database) }
    }
    return try await rows(ids: ids, in: collection, withVectors: withVectors)
  }

  /// The rows with these ids, in the order asked; missing ids are skipped.
  public func rows(ids: [Int64], in collection: CollectionRecord, withVectors: Bool) async throws -> [CollectionRow] {
    try await database.pool.read { database in
      try ids.compactMap { id in
        try Row.fetchOne(
          database,
          sql: "SELECT row_id, key, fields FROM collection_row WHERE collection_id = ? AND row_id = ?",
          arguments: [collection.id, id]
        )
      }.map { try Self.row($0, collectionID: collection.id, withVectors: withVectors, in: database) }
    }
  }

  /// A page of rows matching `filter`, by row id.
  public func page(
    of collection: CollectionRecord,
    filter: RowFilter?,
    offset: Int,
    limit: Int,
    withVectors: Bool
  ) async throws -> [CollectionRow] {
    let (condition, arguments) = Self.sql(filter)
    return try await database.pool.read { database in
      try Row.fetchAll(
        database,
        sql: """
          SELECT row_id, key, fields FROM collection_row WHERE collection_id = ? AND \(condition)
          ORDER BY row_id LIMIT ? OFFSET ?
          """,
        arguments: [collection.id] + arguments + [limit, offset]
      ).map { try Self.row($0, collectionID: collection.id, withVectors: withVectors, in: database) }
    }
  }

  /// The ids of the rows matching `filter`.
  public func rowIDs(of collection: CollectionRecord, matching filter: RowFilter) async throws -> [Int64] {
    let (condition, arguments) = Self.sql(filter)
    return try await database.pool.read { try Self.rowIDs(collection.id, condition, arguments, in: $0) }
  }

  private static func rowIDs(
    _ collectionID: Int64,
    _ condition: String,
    _ arguments: StatementArguments,
    in database: Database
  ) throws -> [Int64] {
    try Int64.fetchAll(
      database,
      sql: "SELECT row_id FROM collection_row WHERE collection_id = ? AND \(condition)",
      arguments: [collectionID] + arguments
    )
  }

  public func count(of collection: CollectionRecord, filter: RowFilter? = nil) async throws -> Int {
    let (condition, arguments) = Self.sql(filter)
    return try await database.pool.read { database in
      try Int.fetchOne(
        database,
        sql: "SELECT COUNT(*) FROM collection_row WHERE collection_id = ? AND \(condition)",
        arguments: [collection.id] + arguments
      ) ?? 0
    }
  }

  /// Deletes the rows with these primary keys (as text) or matching `filter`; returns the ids of
  /// the rows deleted.
  public func deleteRows(
    keys: [String]? = nil,
    filter: RowFilter? = nil,
    from collection: CollectionRecord
  ) async throws -> [Int64] {
    let (condition, arguments) = Self.sql(filter)
    return try await database.pool.write { database in
      let ids =
        try keys?.compactMap { try Self.rowID(key: $0, collectionID: collection.id, in: database) }
        ?? Self.rowIDs(collection.id, condition, arguments, in: database)
      for id in ids {
        try database.execute(
          sql: "DELETE FROM collection_row WHERE collection_id = ? AND row_id = ?",
          arguments: [collection.id, id]
        )
      }
      if !ids.isEmpty { try Self.bump(collection.id, in: database) }
      return ids
    }
  }

  /// Every stored vector of one field, to build its index from, and the generation they are of.
  public func vectors(
    field: String,
    of collection: CollectionRecord
  ) async throws -> (generation: UInt64, vectors: [(rowID: Int64, vector: [Float])]) {
    try await database.pool.read { database in
      let vectors: [(rowID: Int64, vector: [Float])] = try Row.fetchAll(
        database,
        sql: "SELECT row_id, vector FROM collection_vector WHERE collection_id = ? AND field = ? ORDER BY row_id",
        arguments: [collection.id, field]
      ).map { ($0["row_id"], VectorBlob.vector($0["vector"])) }
      return (try Self.generation(collection.id, in: database), vectors)
    }
  }

  /// The collection's generation: how many committed changes its rows have seen.
  public func generation(of collection: CollectionRecord) async throws -> UInt64 {
    try await generation(ofCollectionID: collection.id)
  }

  public func generation(ofCollectionID id: Int64) async throws -> UInt64 {
    try await database.pool.read { try Self.generation(id, in: $0) }
  }

  private static func generation(_ id: Int64, in database: Database) throws -> UInt64 {
    UInt64(try Int64.fetchOne(database, sql: "SELECT generation FROM collection WHERE id = ?", arguments: [id]) ?? 0)
  }

  private static func bump(_ id: Int64, in database: Database) throws {
    try database.execute(sql: "UPDATE collection SET generation = generation + 1 WHERE id = ?", arguments: [id])
  }

  // MARK: Helpers

  private static func collection(projectID: String, name: String, in database: Database) throws -> CollectionRecord? {
    try Row.fetchOne(
      database,
      sql: "SELECT * FROM collection WHERE project_id = ? AND name = ?",
      arguments: [projectID, name]
    ).map(CollectionRecord.init(row:))
  }

  private static func rowID(key: String, collectionID: Int64, in database: Database) throws -> Int64? {
    try Int64.fetchOne(
      database,
      sql: "SELECT row_id FROM collection_row WHERE collection_id = ? AND key = ?",
      arguments: [collectionID, key]
    )
  }

  private static func insertVectors(
    _ vectors: [String: [Float]],
    rowID: Int64,
    collectionID: Int64,
    in database: Database
  ) throws {
    for (field, vector) in vectors.sorted(by: { $0.key < $1.key }) {
      try database.execute(
        sql: "INSERT INTO collection_vector (collection_id, field, row_id, vector) VALUES (?, ?, ?, ?)",
        arguments: [collectionID, field, rowID, VectorBlob.data(vector)]
      )
    }
  }

  private static func row(
    _ row: Row,
    collectionID: Int64,
    withVectors: Bool,
    in database: Database
  ) throws
    -> CollectionRow
  {
    let rowID: Int64 = row["row_id"]
    var vectors: [String: [Float]] = [:]
    if withVectors {
      for vector in try Row.fetchAll(
        database,
        sql: "SELECT field, vector FROM collection_vector WHERE collection_id = ? AND row_id = ?",
        arguments: [collectionID, rowID]
      ) {
        vectors[vector["field"]] = VectorBlob.vector(vector["vector"])
      }
    }
    let fields: String = row["fields"]
    return CollectionRow(rowID: rowID, key: row["key"], fields: Data(fields.utf8), vectors: vectors)
  }

  /// The JSON path of a field; names are checked identifiers, and the path is bound anyway.
  static func path(_ field: String) -> String { "$.\"\(field)\"" }

  /// The SQL condition of `filter` over `fields` and its bound arguments; `1` without a filter.
  static func sql(_ filter: RowFilter?) -> (String, StatementArguments) {
    guard let filter, !filter.conditions.isEmpty else { return ("1", []) }
    var clauses: [String] = []
    var values: [(any DatabaseValueConvertible)?] = []
    for condition in filter.conditions {
      let field = "json_extract(fields, ?)"
      values.append(path(condition.field))
      func compare(_ op: String, _ value: FilterValue) -> String {
        values.append(bound(value))
        return "\(field) \(op) ?"
      }
      switch condition.comparison {
      case .equal(.null): clauses.append("\(field) IS NULL")
      case .notEqual(.null): clauses.append("\(field) IS NOT NULL")
      case .equal(let value): clauses.append(compare("=", value))
      case .notEqual(let value): clauses.append(compare("IS NOT", value))
      case .greater(let value): clauses.append(compare(">", value))
      case .greaterOrEqual(let value): clauses.append(compare(">=", value))
      case .less(let value): clauses.append(compare("<", value))
      case .lessOrEqual(let value): clauses.append(compare("<=", value))
      case .oneOf(let choices):
        if choices.isEmpty {
          values.removeLast()
          clauses.append("0")
        } else {
          values.append(contentsOf: choices.map(bound))
          clauses.append("\(field) IN (\(Array(repeating: "?", count: choices.count).joined(separator: ", ")))")
        }
      }
    }
    return (clauses.map { "(\($0))" }.joined(separator: " AND "), StatementArguments(values))
  }

  private static func bound(_ value: FilterValue) -> (any DatabaseValueConvertible)? {
    switch value {
    case .null: nil
    case .number(let number): number
    case .text(let text): text
    }
  }
}
