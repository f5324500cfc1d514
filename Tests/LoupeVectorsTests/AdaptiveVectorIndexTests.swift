import Foundation
import LoupeTestSupport
import Testing

@testable import LoupeVectors

@Suite(.offCooperativePool) struct AdaptiveVectorIndexTests {
  let configuration = AdaptiveConfiguration(graphThreshold: 400, scanThreshold: 200)
  let vectors = numbered(randomVectors(1_000, dimension: 16, seed: 41))
  let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-adaptive-\(UUID().uuidString)")

  @Test func startsWithAnExactScan() throws {
    let index = AdaptiveVectorIndex(dimension: 16, metric: .l2, configuration: configuration)
    try index.upsert(contentsOf: vectors.prefix(100))
    #expect(index.backend == .exactScan)
    let query = vectors[500].1
    #expect(
      try index.search(query, limit: 5).map(\.id)
        == bruteForce(Array(vectors.prefix(100)), query: query, metric: .l2, limit: 5).map(\.id)
    )
  }

  @Test func scansInInt8WhenConfiguredTo() throws {
    var int8 = configuration
    int8.scanPrecision = .int8
    let index = AdaptiveVectorIndex(dimension: 16, metric: .l2, configuration: int8)
    try index.upsert(vectors[0].1, id: 0)
    #expect(index.backend == .quantizedScan)
  }

  @Test func movesToTheGraphOneUpsertPastTheThreshold() throws {
    let index = AdaptiveVectorIndex(dimension: 16, metric: .cosine, configuration: configuration)
    for (id, vector) in vectors.prefix(400) { try index.upsert(vector, id: id) }
    #expect(index.backend == .exactScan)
    try index.upsert(vectors[400].1, id: 400)
    #expect(index.backend == .hnsw)
    #expect(index.count == 401)
    for (id, vector) in vectors.prefix(401).suffix(30) { #expect(try index.search(vector, limit: 1).first?.id == id) }
  }

  @Test func aBatchPastTheThresholdBuildsTheGraphWithEverything() throws {
    let index = AdaptiveVectorIndex(dimension: 16, metric: .cosine, configuration: configuration)
    try index.upsert(contentsOf: vectors.prefix(300))
    // Overlaps the stored ids: the batch's vectors win.
    let replaced = vectors[10].1.map { -$0 }
    try index.upsert(contentsOf: [(Int64(10), replaced)] + vectors[300..<700])
    #expect(index.backend == .hnsw)
    #expect(index.count == 700)
    #expect(try index.search(replaced, limit: 1).first?.id == 10)
  }

  @Test func movesBackToAScanBelowTheScanThreshold() throws {
    let index = AdaptiveVectorIndex(dimension: 16, metric: .l2, configuration: configuration)
    try index.upsert(contentsOf: vectors.prefix(500))
    #expect(index.backend == .hnsw)
    for id in 0..<250 as Range<Int64> { index.remove(id: id) }
    #expect(index.backend == .hnsw)
    for id in 250..<301 as Range<Int64> { index.remove(id: id) }
    #expect(index.backend == .exactScan)
    #expect(index.count == 199)
    let query = vectors[0].1
    let kept = Array(vectors[301..<500])
    #expect(
      try index.search(query, limit: 5).map(\.id) == bruteForce(kept, query: query, metric: .l2, limit: 5).map(\.id)
    )
  }

  @Test func compactsTheGraphWhenDeletedNodesOutnumberLiveOnes() throws {
    let index = AdaptiveVectorIndex(
      dimension: 16,
      metric: .l2,
      configuration: AdaptiveConfiguration(graphThreshold: 400, scanThreshold: 50)
    )
    try index.upsert(contentsOf: vectors)
    for id in 0..<499 as Range<Int64> { index.remove(id: id) }
    #expect(try #require(index.graph).deletedCount == 499)
    index.remove(id: 499)
    index.remove(id: 500)
    let graph = try #require(index.graph)
    #expect(graph.deletedCount == 0)
    #expect(graph.count == 499)
  }

  @Test func rebuildReplacesEverything() throws {
    let index = AdaptiveVectorIndex(dimension: 16, metric: .l2, configuration: configuration)
    try index.upsert(contentsOf: vectors.prefix(50))
    try index.rebuild(from: vectors[100..<600])
    #expect(index.backend == .hnsw)
    #expect(index.count == 500)
    #expect(!index.contains(id: 0))
    #expect(index.contains(id: 599))
  }

  @Test func restoreLoadsACurrentGraph() throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = try savedGraph(generation: 5)
    let (index, outcome) = try AdaptiveVectorIndex.restore(
      from: url,
      generation: 5,
      dimension: 16,
      metric: .cosine,
      configuration: configuration
    ) { () throws -> [(Int64, [Float])] in
      Issue.record("rebuilt although the file was current")
      return []
    }
    #expect(outcome == .loaded)
    #expect(index.backend == .hnsw && index.count == 1_000)
  }

  @Test func restoreRebuildsAStaleGraphFromTheStore() throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = try savedGraph(generation: 5)
    let (index, outcome) = try AdaptiveVectorIndex.restore(
      from: url,
      generation: 6,
      dimension: 16,
      metric: .cosine,
      configuration: configuration
    ) { vectors.prefix(900) }
    #expect(outcome == .rebuilt(reason: .staleFile(path: url.path, expectedGeneration: 6, foundGeneration: 5)))
    #expect(index.count == 900)
  }

  @Test func restoreRebuildsFromACorruptFile() throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = try savedGraph(generation: 5)
    let data = try Data(contentsOf: url)
    try data.prefix(data.count / 2).write(to: url)
    let (index, outcome) = try AdaptiveVectorIndex.restore(
      from: url,
      generation: 5,
      dimension: 16,
      metric: .cosine,
      configuration: configuration
    ) { vectors }
    guard case .rebuilt(reason: .corruptFile?) = outcome else {
      Issue.record("unexpected outcome \(outcome)")
      return
    }
    #expect(index.count == 1_000)
  }

  @Test func aSmallSetKeepsNoFileAndRestoresFromTheStore() throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = try savedGraph(generation: 5)
    let small = AdaptiveVectorIndex(dimension: 16, metric: .cosine, configuration: configuration)
    try small.upsert(contentsOf: vectors.prefix(10))
    try small.save(to: url, generation: 6)
    #expect(!FileManager.default.fileExists(atPath: url.path))
    let (index, outcome) = try AdaptiveVectorIndex.restore(
      from: url,
      generation: 6,
      dimension: 16,
      metric: .cosine,
      configuration: configuration
    ) { vectors.prefix(10) }
    #expect(outcome == .rebuilt(reason: nil))
    #expect(index.backend == .exactScan && index.count == 10)
  }

  private func savedGraph(generation: UInt64) throws -> URL {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let index = AdaptiveVectorIndex(dimension: 16, metric: .cosine, configuration: configuration)
    try index.upsert(contentsOf: vectors)
    let url = directory.appendingPathComponent("vectors.hnsw")
    try index.save(to: url, generation: generation)
    return url
  }
}
