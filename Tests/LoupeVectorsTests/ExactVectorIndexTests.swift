import LoupeTestSupport
import LoupeVectors
import Testing

@Suite(.offCooperativePool) struct ExactVectorIndexTests {
  static let vectors = numbered(randomVectors(600, dimension: 40, seed: 1))
  static let queries = randomVectors(12, dimension: 40, seed: 2)

  @Test(arguments: VectorMetric.allCases)
  func resultsEqualTheBruteForceReference(metric: VectorMetric) throws {
    let index = ExactVectorIndex(dimension: 40, metric: metric)
    try index.upsert(contentsOf: Self.vectors)
    for query in Self.queries {
      let expected = bruteForce(Self.vectors, query: query, metric: metric, limit: 10)
      let found = try index.search(query, limit: 10)
      #expect(found.map(\.id) == expected.map(\.id))
      for (match, reference) in zip(found, expected) {
        #expect(abs(match.distance - reference.distance) < 1e-4)
      }
    }
  }

  @Test func dimensionsThatAreNotAMultipleOfTheVectorWidthAreScannedWhole() throws {
    let vectors = numbered(randomVectors(200, dimension: 37, seed: 3))
    let index = ExactVectorIndex(dimension: 37, metric: .l2)
    try index.upsert(contentsOf: vectors)
    let query = randomVectors(1, dimension: 37, seed: 4)[0]
    let found = try index.search(query, limit: 5)
    let expected = bruteForce(vectors, query: query, metric: .l2, limit: 5)
    #expect(found.map(\.id) == expected.map(\.id))
    #expect(zip(found, expected).allSatisfy { abs($0.distance - $1.distance) < 1e-3 })
  }

  @Test func equalDistancesAreOrderedByID() throws {
    let index = ExactVectorIndex(dimension: 3, metric: .l2)
    for id in [9, 4, 7] as [Int64] { try index.upsert([1, 0, 0], id: id) }
    try index.upsert([0, 0, 1], id: 1)
    #expect(try index.search([1, 0, 0], limit: 3).map(\.id) == [4, 7, 9])
  }

  @Test func upsertReplacesTheStoredVector() throws {
    let index = ExactVectorIndex(dimension: 3, metric: .cosine)
    try index.upsert([1, 0, 0], id: 1)
    try index.upsert([0, 1, 0], id: 2)
    try index.upsert([0, 0, 1], id: 1)
    #expect(index.count == 2)
    let best = try #require(try index.search([0, 0, 1], limit: 1).first)
    #expect(best.id == 1)
    #expect(abs(best.distance) < 1e-6)
  }

  @Test func removedIDsAreNeverReturnedAndTheRestStayFindable() throws {
    let index = ExactVectorIndex(dimension: 40, metric: .cosine)
    try index.upsert(contentsOf: Self.vectors)
    // Removing from the middle moves the last row into the hole.
    for id in stride(from: 0, to: 600, by: 3) { index.remove(id: Int64(id)) }
    index.remove(id: 10_000)
    #expect(index.count == 400)
    let kept = Self.vectors.filter { $0.0 % 3 != 0 }
    for (id, vector) in kept.prefix(20) {
      #expect(try index.search(vector, limit: 1).first?.id == id)
    }
    let query = Self.queries[0]
    #expect(
      try index.search(query, limit: 10).map(\.id)
        == bruteForce(kept, query: query, metric: .cosine, limit: 10).map(\.id)
    )
  }

  @Test func filtersAreAppliedBeforeTheLimit() throws {
    let index = ExactVectorIndex(dimension: 40, metric: .l2)
    try index.upsert(contentsOf: Self.vectors)
    let small = VectorFilter.ids([3, 50, 77, 400, 599, 12_345])
    let even = VectorFilter.predicate { $0 % 2 == 0 }
    for filter in [small, even] {
      let found = try index.search(Self.queries[1], limit: 4, allowing: filter)
      let expected = bruteForce(Self.vectors, query: Self.queries[1], metric: .l2, limit: 4, allowing: filter)
      #expect(found.map(\.id) == expected.map(\.id))
    }
  }

  @Test func vectorsOfTheWrongDimensionAreRefused() throws {
    let index = ExactVectorIndex(dimension: 3, metric: .l2)
    #expect(throws: VectorIndexError.dimensionMismatch(expected: 3, actual: 2)) { try index.upsert([1, 2], id: 1) }
    #expect(throws: VectorIndexError.dimensionMismatch(expected: 3, actual: 4)) {
      try index.search([1, 2, 3, 4], limit: 1)
    }
    #expect(index.count == 0)
  }

  @Test func nonFiniteComponentsAreRefused() throws {
    let index = ExactVectorIndex(dimension: 3, metric: .l2)
    #expect(throws: VectorIndexError.nonFiniteValue(position: 1)) { try index.upsert([0, .nan, 0], id: 1) }
    #expect(throws: VectorIndexError.nonFiniteValue(position: 2)) { try index.search([0, 0, .infinity], limit: 1) }
  }

  @Test func zeroVectorsAreRefusedUnderCosineOnly() throws {
    #expect(throws: VectorIndexError.zeroVector) {
      try ExactVectorIndex(dimension: 3, metric: .cosine).upsert([0, 0, 0], id: 1)
    }
    let l2 = ExactVectorIndex(dimension: 3, metric: .l2)
    try l2.upsert([0, 0, 0], id: 1)
    #expect(try l2.search([0, 0, 1], limit: 1) == [VectorMatch(id: 1, distance: 1)])
  }
}
