import Foundation
import GRDB
import Testing

@testable import LoupeStore

@Suite struct CollectionRepositoryTests {
  let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
    "loupe-collections-\(UUID().uuidString)"
  )

  static let schema = CollectionSchema(
    fields: [
      CollectionField(name: "id", type: .int, isPrimaryKey: true, isNullable: false),
      CollectionField(name: "label", type: .string),
      CollectionField(name: "size", type: .float),
    ],
    vectorFields: [
      VectorFieldSpec(name: "vec", sourceField: nil, sourceType: nil, model: nil, distance: .l2, dimension: 2)
    ]
  )

  func withCollection(_ body: (CollectionRepository, CollectionRecord) async throws -> Void) async throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let database = try LoupeDatabase(directory: directory)
    let project = try await LibraryRepository(database: database).createProject(name: "p")
    let repository = CollectionRepository(database: database)
    let (collection, created) = try await repository.create(
      projectID: project.id,
      name: "items",
      schema: Self.schema,
      ifExists: .fail
    )
    #expect(created)
    try await body(repository, collection)
  }

  static func row(_ key: RowKey, _ label: String, size: Double = 1, vector: [Float] = [1, 0]) -> NewRow {
    let json = "{\"label\": \"\(label)\", \"size\": \(size)}"
    return NewRow(key: key, fields: Data(json.utf8), vectors: ["vec": vector])
  }

  @Test func automaticKeysFollowTheLargestKeyAndAreWrittenIntoTheRow() async throws {
    try await withCollection { repository, collection in
      let written = try await repository.write(
        [Self.row(.automatic, "a"), Self.row(.integer(10), "b"), Self.row(.automatic, "c")],
        into: collection,
        upsert: false
      )
      #expect(try written.map { try $0.get().rowID } == [1, 10, 11])
      let rows = try await repository.rows(keys: ["11"], in: collection, withVectors: true)
      let fields = try JSONSerialization.jsonObject(with: rows[0].fields) as? [String: Any]
      #expect(fields?["id"] as? Int == 11 && fields?["label"] as? String == "c")
      #expect(rows[0].vectors == ["vec": [1, 0]])
    }
  }

  @Test func aDuplicateKeyFailsItsRowAlone() async throws {
    try await withCollection { repository, collection in
      _ = try await repository.write([Self.row(.integer(1), "a")], into: collection, upsert: false)
      let written = try await repository.write(
        [Self.row(.integer(1), "again"), Self.row(.integer(2), "b")],
        into: collection,
        upsert: false
      )
      #expect(written[0] == .failure(.duplicateKey("1")))
      #expect(written[1] == .success(WrittenRow(rowID: 2, key: "2")))
      #expect(try await repository.count(of: collection) == 2)
    }
  }

  @Test func upsertReplacesFieldsAndVectors() async throws {
    try await withCollection { repository, collection in
      _ = try await repository.write([Self.row(.integer(1), "a", vector: [1, 0])], into: collection, upsert: false)
      _ = try await repository.write([Self.row(.integer(1), "b", vector: [0, 1])], into: collection, upsert: true)
      let (generation, vectors) = try await repository.vectors(field: "vec", of: collection)
      #expect(vectors.count == 1 && vectors[0].vector == [0, 1])
      #expect(generation == 2)
      let row = try #require(try await repository.rows(ids: [1], in: collection, withVectors: false).first)
      #expect(String(decoding: row.fields, as: UTF8.self).contains("\"b\""))
    }
  }

  @Test func filtersCompareBoundValues() async throws {
    try await withCollection { repository, collection in
      _ = try await repository.write(
        [
          Self.row(.integer(1), "cat", size: 1), Self.row(.integer(2), "dog", size: 2),
          Self.row(.integer(3), "x' OR 1=1 --", size: 3),
        ],
        into: collection,
        upsert: false
      )
      func ids(_ conditions: [RowFilter.Condition]) async throws -> [Int64] {
        try await repository.rowIDs(of: collection, matching: RowFilter(conditions: conditions)).sorted()
      }
      #expect(try await ids([.init(field: "size", comparison: .greater(.number(1)))]) == [2, 3])
      #expect(try await ids([.init(field: "size", comparison: .lessOrEqual(.number(2)))]) == [1, 2])
      #expect(try await ids([.init(field: "label", comparison: .notEqual(.text("cat")))]) == [2, 3])
      #expect(try await ids([.init(field: "label", comparison: .oneOf([.text("dog"), .text("cat")]))]) == [1, 2])
      #expect(try await ids([.init(field: "label", comparison: .oneOf([]))]) == [])
      #expect(try await ids([.init(field: "label", comparison: .equal(.text("x' OR 1=1 --")))]) == [3])
      #expect(try await ids([.init(field: "label", comparison: .equal(.null))]) == [])
      #expect(
        try await ids([
          .init(field: "size", comparison: .greaterOrEqual(.number(2))),
          .init(field: "label", comparison: .less(.text("e"))),
        ]) == [2]
      )
    }
  }

  @Test func deletingRowsTakesTheirVectors() async throws {
    try await withCollection { repository, collection in
      _ = try await repository.write(
        [Self.row(.integer(1), "a"), Self.row(.integer(2), "b"), Self.row(.integer(3), "c")],
        into: collection,
        upsert: false
      )
      #expect(try await repository.deleteRows(keys: ["1", "9"], from: collection) == [1])
      let filter = RowFilter(conditions: [.init(field: "label", comparison: .equal(.text("b")))])
      #expect(try await repository.deleteRows(filter: filter, from: collection) == [2])
      #expect(try await repository.vectors(field: "vec", of: collection).vectors.map(\.rowID) == [3])
      #expect(try await repository.generation(of: collection) == 3)
    }
  }

  @Test func ifExistsFailsSkipsOrOverwrites() async throws {
    try await withCollection { repository, collection in
      _ = try await repository.write([Self.row(.integer(1), "a")], into: collection, upsert: false)
      await #expect(throws: CollectionError.alreadyExists("items")) {
        try await repository.create(
          projectID: collection.projectID,
          name: "items",
          schema: Self.schema,
          ifExists: .fail
        )
      }
      let skipped = try await repository.create(
        projectID: collection.projectID,
        name: "items",
        schema: Self.schema,
        ifExists: .skip
      )
      #expect(!skipped.created && skipped.collection.id == collection.id)
      let overwritten = try await repository.create(
        projectID: collection.projectID,
        name: "items",
        schema: Self.schema,
        ifExists: .overwrite
      )
      #expect(overwritten.created && overwritten.collection.id != collection.id)
      #expect(try await repository.count(of: overwritten.collection) == 0)
      #expect(try await repository.vectors(field: "vec", of: collection).vectors.isEmpty)
    }
  }
}
