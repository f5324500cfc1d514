import Foundation
import Logging
import LoupeStore
import LoupeTestSupport
import LoupeVectors
import Testing

@testable import LoupeServices

/// A collection's vector graph is saved at shutdown and loaded at the next start when it is of
/// the collection's generation; a graph that misses writes (the process died before saving) is
/// rebuilt from the store, never trusted.
@Suite(.offCooperativePool) struct CollectionIndexPersistenceTests {
  let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-indexes-\(UUID().uuidString)")
  /// A graph from 50 vectors, so a small test exercises HNSW.
  static let configuration = AdaptiveConfiguration(graphThreshold: 50, scanThreshold: 20)

  static let definition = CollectionDefinition(
    fields: [.init(name: "id", type: "int", isPrimaryKey: true)],
    vectorFields: [.init(name: "v", distance: "l2", dimension: 8)]
  )

  func actions(_ database: LoupeDatabase) -> CollectionActions {
    CollectionActions(
      repository: CollectionRepository(database: database),
      embeddings: nil,
      indexDirectory: directory.appendingPathComponent("indexes"),
      indexConfiguration: Self.configuration
    )
  }

  /// Distinct 8-d vectors: the first component is the id.
  static func rows(_ ids: Range<Int>) -> [JSONValue] {
    ids.map { id in
      let vector = (0..<8).map { JSONValue.number(Double($0 == 0 ? id : ($0 * 7 + id * 13) % 31)) }
      return .object(["id": .number(Double(id)), "v": .array(vector)])
    }
  }

  func nearest(_ actions: CollectionActions, project: String, to id: Int) async throws -> Double? {
    guard case .object(let row) = Self.rows(id..<id + 1)[0], case .array(let vector)? = row["v"] else { return nil }
    let query = vector.compactMap { if case .number(let value) = $0 { Float(value) } else { nil } }
    let found = try await actions.search(
      projectID: project,
      name: "items",
      query: .vector(query),
      vectorField: nil,
      limit: 1,
      filter: nil,
      distanceThreshold: nil,
      withVectors: false,
      owner: ""
    )
    if case .number(let found)? = found.first?["id"] { return found }
    return nil
  }

  @Test func aCurrentGraphIsLoadedAndAStaleOneRebuilt() async throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    try FileManager.default.createDirectory(
      at: directory.appendingPathComponent("indexes"),
      withIntermediateDirectories: true
    )
    let database = try LoupeDatabase(directory: directory)
    let project = try await LibraryRepository(database: database).createProject(name: "p").id
    let file = directory.appendingPathComponent("indexes/collection-1-v.hnsw")

    let first = actions(database)
    _ = try await first.create(projectID: project, name: "items", definition: Self.definition, ifExists: .fail)
    _ = try await first.insert(projectID: project, name: "items", rows: Self.rows(0..<100), upsert: false, owner: "")
    #expect(try await nearest(first, project: project, to: 42) == 42)
    #expect(FileManager.default.fileExists(atPath: file.path))

    // More rows, and the process "dies" before saving: the file is a generation behind.
    _ = try await first.insert(projectID: project, name: "items", rows: Self.rows(100..<120), upsert: false, owner: "")
    let afterCrash = actions(database)
    #expect(try await nearest(afterCrash, project: project, to: 110) == 110)

    // A graceful shutdown saves; the next start loads the graph without rebuilding (a rebuild
    // would write the file again).
    _ = try await afterCrash.insert(
      projectID: project,
      name: "items",
      rows: Self.rows(120..<130),
      upsert: false,
      owner: ""
    )
    await afterCrash.indexes.saveAll(logger: Logger(label: "test"))
    let saved = try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date
    try await Task.sleep(for: .milliseconds(20))
    let restarted = actions(database)
    #expect(try await nearest(restarted, project: project, to: 125) == 125)
    let after = try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date
    #expect(saved != nil && saved == after)
  }
}
