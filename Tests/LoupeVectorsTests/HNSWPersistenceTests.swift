import Foundation
import LoupeTestSupport
import LoupeVectors
import Testing

@Suite(.offCooperativePool) struct HNSWPersistenceTests {
  let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-vectors-\(UUID().uuidString)")
  let vectors = numbered(randomVectors(1_500, dimension: 24, seed: 31))
  let queries = randomVectors(10, dimension: 24, seed: 32)

  init() throws {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  private func savedIndex(generation: UInt64 = 7) throws -> (HNSWVectorIndex, URL) {
    let graph = try HNSWVectorIndex(dimension: 24, metric: .cosine)
    try graph.upsert(contentsOf: vectors)
    graph.remove(id: 3)
    let url = directory.appendingPathComponent("index.hnsw")
    try graph.save(to: url, generation: generation)
    return (graph, url)
  }

  @Test func aSavedIndexLoadsWithTheSameResults() throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let (graph, url) = try savedIndex()
    let loaded = try HNSWVectorIndex.load(from: url, dimension: 24, metric: .cosine, generation: 7)
    #expect(loaded.count == graph.count)
    #expect(!loaded.contains(id: 3))
    for query in queries {
      #expect(try loaded.search(query, limit: 10) == graph.search(query, limit: 10))
    }
    let info = try HNSWIndexFileInfo.read(from: url, verifyingPayload: true)
    #expect(info.dimension == 24 && info.metric == .cosine && info.count == 1_499 && info.generation == 7)
  }

  @Test func aLoadedIndexTakesNewVectors() throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let (_, url) = try savedIndex()
    let loaded = try HNSWVectorIndex.load(from: url, dimension: 24, metric: .cosine, generation: nil)
    let extra = randomVectors(600, dimension: 24, seed: 33)
    for (offset, vector) in extra.enumerated() { try loaded.upsert(vector, id: 10_000 + Int64(offset)) }
    #expect(loaded.count == 1_499 + 600)
    #expect(try loaded.search(extra[5], limit: 1).first?.id == 10_005)
  }

  @Test func aMissingFileIsReportedAsMissing() throws {
    let url = directory.appendingPathComponent("absent.hnsw")
    #expect(throws: VectorIndexError.fileNotFound(path: url.path)) {
      try HNSWVectorIndex.load(from: url, dimension: 24, metric: .cosine, generation: nil)
    }
  }

  @Test func aFileFromAnotherGenerationIsStale() throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let (_, url) = try savedIndex(generation: 7)
    #expect(throws: VectorIndexError.staleFile(path: url.path, expectedGeneration: 8, foundGeneration: 7)) {
      try HNSWVectorIndex.load(from: url, dimension: 24, metric: .cosine, generation: 8)
    }
  }

  @Test func aFileOfAnotherShapeIsIncompatible() throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let (_, url) = try savedIndex()
    #expect(throws: VectorIndexError.self) {
      try HNSWVectorIndex.load(from: url, dimension: 32, metric: .cosine, generation: nil)
    }
    do {
      _ = try HNSWVectorIndex.load(from: url, dimension: 24, metric: .l2, generation: nil)
      Issue.record("loaded a cosine graph as l2")
    } catch {
      guard case .incompatibleFile = error else { throw error }
    }
  }

  @Test func aTruncatedFileIsCorrupt() throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let (_, url) = try savedIndex()
    let data = try Data(contentsOf: url)
    try data.prefix(data.count - 100).write(to: url)
    try expectCorrupt(url)
    try data.prefix(40).write(to: url)
    try expectCorrupt(url)
  }

  @Test(arguments: [20, 5_000, -10])
  func aFlippedByteIsCorrupt(offset: Int) throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let (_, url) = try savedIndex()
    var data = try Data(contentsOf: url)
    let position = offset >= 0 ? offset : data.count + offset
    data[position] ^= 0x40
    try data.write(to: url)
    try expectCorrupt(url)
  }

  @Test func aFileThatIsNotAnIndexIsCorrupt() throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent("index.hnsw")
    try Data(repeating: 7, count: 4_096).write(to: url)
    try expectCorrupt(url)
  }

  private func expectCorrupt(_ url: URL) throws {
    do {
      _ = try HNSWVectorIndex.load(from: url, dimension: 24, metric: .cosine, generation: nil)
      Issue.record("loaded a damaged file")
    } catch {
      guard case .corruptFile = error else { throw error }
    }
  }
}
