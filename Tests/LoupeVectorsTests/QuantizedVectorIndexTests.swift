import LoupeTestSupport
import LoupeVectors
import Testing

@Suite(.offCooperativePool) struct QuantizedVectorIndexTests {
  @Test(arguments: VectorMetric.allCases)
  func int8ScanWithReRankKeepsRecallAtTenAbove99Percent(metric: VectorMetric) throws {
    var data = ClusteredVectors(dimension: 128, clusters: 40, seed: 11)
    let vectors = numbered(data.make(8_000))
    let queries = data.make(50)
    let exact = ExactVectorIndex(dimension: 128, metric: metric)
    let quantized = QuantizedVectorIndex(dimension: 128, metric: metric)
    try exact.upsert(contentsOf: vectors)
    try quantized.upsert(contentsOf: vectors)
    #expect(try meanRecall(of: quantized, against: exact, queries: queries) >= 0.99)
  }

  @Test func returnedDistancesAreTheExactOnes() throws {
    let vectors = numbered(randomVectors(500, dimension: 64, seed: 12))
    let exact = ExactVectorIndex(dimension: 64, metric: .l2)
    let quantized = QuantizedVectorIndex(dimension: 64, metric: .l2)
    try exact.upsert(contentsOf: vectors)
    try quantized.upsert(contentsOf: vectors)
    let query = randomVectors(1, dimension: 64, seed: 13)[0]
    let reference = Dictionary(uniqueKeysWithValues: try exact.search(query, limit: 500).map { ($0.id, $0.distance) })
    for match in try quantized.search(query, limit: 10) {
      #expect(match.distance == reference[match.id])
    }
  }

  @Test func removalKeepsCodesAndVectorsTogether() throws {
    let vectors = numbered(randomVectors(300, dimension: 32, seed: 14))
    let index = QuantizedVectorIndex(dimension: 32, metric: .cosine)
    try index.upsert(contentsOf: vectors)
    for id in stride(from: 0, to: 300, by: 2) { index.remove(id: Int64(id)) }
    #expect(index.count == 150)
    // A moved row must carry its own codes: every survivor still finds itself first.
    for (id, vector) in vectors where id % 2 == 1 {
      let best = try #require(try index.search(vector, limit: 1).first)
      #expect(best.id == id)
      #expect(abs(best.distance) < 1e-5)
    }
  }

  @Test func upsertReplacesCodesToo() throws {
    let index = QuantizedVectorIndex(dimension: 3, metric: .l2)
    try index.upsert([10, 0, 0], id: 1)
    try index.upsert([0, 10, 0], id: 2)
    try index.upsert([0, 0, 10], id: 1)
    #expect(try index.search([0, 0, 9], limit: 2).map(\.id) == [1, 2])
  }

  @Test func filtersAreAppliedBeforeTheShortlist() throws {
    let vectors = numbered(randomVectors(400, dimension: 32, seed: 15))
    let index = QuantizedVectorIndex(dimension: 32, metric: .l2)
    try index.upsert(contentsOf: vectors)
    let query = randomVectors(1, dimension: 32, seed: 16)[0]
    let filter = VectorFilter.predicate { $0 % 7 == 3 }
    let expected = bruteForce(vectors, query: query, metric: .l2, limit: 5, allowing: filter)
    #expect(try index.search(query, limit: 5, allowing: filter).map(\.id) == expected.map(\.id))
  }
}
