import LoupeTestSupport
import LoupeVectors
import Testing

@Suite(.offCooperativePool) struct HNSWVectorIndexTests {
  /// 20,000 clustered 512-d vectors, indexed once for the read-only tests. A low exact-filter
  /// limit lets one index exercise both filter strategies.
  static let shared: (graph: HNSWVectorIndex, exact: ExactVectorIndex, queries: [[Float]]) = {
    var data = ClusteredVectors(dimension: 512, clusters: 200, seed: 21)
    let vectors = numbered(data.make(20_000))
    let graph = try! HNSWVectorIndex(
      dimension: 512,
      metric: .cosine,
      parameters: HNSWParameters(exactFilterLimit: 1_000)
    )
    let exact = ExactVectorIndex(dimension: 512, metric: .cosine)
    try! graph.upsert(contentsOf: vectors)
    try! exact.upsert(contentsOf: vectors)
    return (graph, exact, data.make(100))
  }()

  @Test func largeGraphsSearchWithADoubledCandidateList() {
    let parameters = HNSWParameters(efSearch: 128, largeGraphThreshold: 250_000)
    #expect(parameters.ef(forCount: 20_000) == 128)
    #expect(parameters.ef(forCount: 250_000) == 128)
    #expect(parameters.ef(forCount: 1_000_000) == 256)
  }

  @Test func recallAtTenIsAtLeast95PercentOn20kClusteredVectors() throws {
    let (graph, exact, queries) = Self.shared
    #expect(graph.count == 20_000)
    #expect(try meanRecall(of: graph, against: exact, queries: queries) >= 0.95)
  }

  @Test func smallCandidateSetsAreScannedExactly() throws {
    let (graph, exact, queries) = Self.shared
    var generator = SplitMix64(seed: 22)
    let candidates = VectorFilter.ids(Set((0..<800).map { _ in Int64(generator.next() % 20_000) }))
    for query in queries.prefix(20) {
      let found = try graph.search(query, limit: 10, allowing: candidates)
      let expected = try exact.search(query, limit: 10, allowing: candidates)
      #expect(found.map(\.id) == expected.map(\.id))
    }
  }

  @Test(arguments: [2, 10])
  func largeCandidateSetsKeepRecallThroughTheGraph(everyNth: Int64) throws {
    let (graph, exact, queries) = Self.shared
    let candidates = VectorFilter.ids(Set(stride(from: 0, to: 20_000, by: Int(everyNth)).map(Int64.init)))
    #expect(try meanRecall(of: graph, against: exact, queries: queries, allowing: candidates) >= 0.95)
  }

  @Test(arguments: [2, 10, 50])
  func predicatesKeepRecallWhateverTheirSelectivity(modulus: Int64) throws {
    let (graph, exact, queries) = Self.shared
    let predicate = VectorFilter.predicate { $0 % modulus == 1 }
    #expect(try meanRecall(of: graph, against: exact, queries: queries, allowing: predicate) >= 0.95)
  }

  @Test func aFilterThatAllowsNothingReturnsNothing() throws {
    let (graph, _, queries) = Self.shared
    #expect(try graph.search(queries[0], limit: 10, allowing: .ids([])).isEmpty)
    #expect(try graph.search(queries[0], limit: 10, allowing: .predicate { _ in false }).isEmpty)
  }

  @Test func upsertReplacesTheStoredVector() throws {
    let graph = try HNSWVectorIndex(dimension: 3, metric: .l2)
    try graph.upsert([1, 0, 0], id: 1)
    try graph.upsert([0, 1, 0], id: 2)
    try graph.upsert([0, 0, 1], id: 1)
    #expect(graph.count == 2)
    #expect(
      try graph.search([0, 0, 1], limit: 2) == [VectorMatch(id: 1, distance: 0), VectorMatch(id: 2, distance: 2)]
    )
  }

  @Test func removedIDsAreNeverReturnedUntilUpsertedAgain() throws {
    let vectors = numbered(randomVectors(2_000, dimension: 32, seed: 23))
    let graph = try HNSWVectorIndex(dimension: 32, metric: .cosine)
    try graph.upsert(contentsOf: vectors)
    for id in 0..<500 as Range<Int64> { graph.remove(id: id) }
    graph.remove(id: 99_999)
    #expect(graph.count == 1_500)
    #expect(graph.deletedCount == 500)
    for (id, vector) in vectors.prefix(500) {
      #expect(try graph.search(vector, limit: 10).allSatisfy { $0.id >= 500 })
      #expect(!graph.contains(id: id))
    }
    try graph.upsert(vectors[7].1, id: 7)
    #expect(try graph.search(vectors[7].1, limit: 1).first?.id == 7)
    #expect(graph.count == 1_501)
  }

  @Test func growsPastItsInitialCapacityOneVectorAtATime() throws {
    let vectors = numbered(randomVectors(300, dimension: 16, seed: 24))
    let graph = try HNSWVectorIndex(dimension: 16, metric: .l2, capacity: 8)
    for (id, vector) in vectors { try graph.upsert(vector, id: id) }
    #expect(graph.count == 300)
    for (id, vector) in vectors.suffix(20) { #expect(try graph.search(vector, limit: 1).first?.id == id) }
  }

  @Test func resultsComeBestFirstWithTiesByID() throws {
    let graph = try HNSWVectorIndex(dimension: 2, metric: .l2)
    for id in [8, 3, 5] as [Int64] { try graph.upsert([1, 1], id: id) }
    try graph.upsert([5, 5], id: 1)
    #expect(try graph.search([1, 1], limit: 4).map(\.id) == [3, 5, 8, 1])
  }

  @Test func invalidVectorsAreRefused() throws {
    let graph = try HNSWVectorIndex(dimension: 3, metric: .cosine)
    #expect(throws: VectorIndexError.dimensionMismatch(expected: 3, actual: 5)) {
      try graph.upsert([1, 2, 3, 4, 5], id: 1)
    }
    #expect(throws: VectorIndexError.zeroVector) { try graph.search([0, 0, 0], limit: 1) }
    #expect(throws: VectorIndexError.nonFiniteValue(position: 0)) {
      try graph.upsert(contentsOf: [(Int64(1), [Float]([1, 0, 0])), (Int64(2), [Float]([.nan, 0, 0]))])
    }
    #expect(graph.count == 0)
  }
}
