import Foundation
import LoupeTestSupport
import LoupeVectors

extension SplitMix64 {
  /// A standard normal sample as a `Float`.
  mutating func gaussian() -> Float { Float(nextGaussian()) }
}

/// Vectors shaped like embeddings: points scattered around a few hundred random directions.
struct ClusteredVectors {
  let dimension: Int
  let centres: [[Float]]
  let spread: Float
  var generator: SplitMix64

  init(dimension: Int, clusters: Int, spread: Float = 0.04, seed: UInt64) {
    self.dimension = dimension
    self.spread = spread
    generator = SplitMix64(seed: seed)
    var centres: [[Float]] = []
    for _ in 0..<clusters {
      var centre = (0..<dimension).map { _ in Float(0) }
      for index in 0..<dimension { centre[index] = generator.gaussian() }
      let norm = centre.reduce(0) { $0 + $1 * $1 }.squareRoot()
      centres.append(centre.map { $0 / norm })
    }
    self.centres = centres
  }

  mutating func next() -> [Float] {
    let centre = centres[Int(generator.next() % UInt64(centres.count))]
    return centre.map { $0 + spread * generator.gaussian() }
  }

  mutating func make(_ count: Int) -> [[Float]] {
    (0..<count).map { _ in next() }
  }
}

/// Vectors with independent normal components: no structure for a graph to exploit.
func randomVectors(_ count: Int, dimension: Int, seed: UInt64) -> [[Float]] {
  var generator = SplitMix64(seed: seed)
  return (0..<count).map { _ in (0..<dimension).map { _ in generator.gaussian() } }
}

/// The reference: every distance in Double, sorted by (distance, id).
func bruteForce(
  _ vectors: [(Int64, [Float])],
  query: [Float],
  metric: VectorMetric,
  limit: Int,
  allowing filter: VectorFilter? = nil
) -> [VectorMatch] {
  func normalised(_ vector: [Float]) -> [Double] {
    let values = vector.map(Double.init)
    guard metric == .cosine else { return values }
    let norm = values.reduce(0) { $0 + $1 * $1 }.squareRoot()
    return values.map { $0 / norm }
  }
  let q = normalised(query)
  let scored = vectors.filter { filter?.allows($0.0) ?? true }.map { id, vector in
    let v = normalised(vector)
    let distance: Double
    switch metric {
    case .cosine: distance = 1 - zip(q, v).reduce(0) { $0 + $1.0 * $1.1 }
    case .l2: distance = zip(q, v).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
    }
    return (id: id, distance: distance)
  }
  return scored.sorted { ($0.distance, $0.id) < ($1.distance, $1.id) }.prefix(limit).map {
    VectorMatch(id: $0.id, distance: Float($0.distance))
  }
}

/// The share of the expected ids that were found.
func recall(_ found: [VectorMatch], expected: [VectorMatch]) -> Double {
  guard !expected.isEmpty else { return 1 }
  let expectedIDs = Set(expected.map(\.id))
  return Double(found.count { expectedIDs.contains($0.id) }) / Double(expected.count)
}

/// Mean recall of `index` against `reference` over `queries`.
func meanRecall(
  of index: some VectorIndex,
  against reference: some VectorIndex,
  queries: [[Float]],
  limit: Int = 10,
  allowing filter: VectorFilter? = nil
) throws -> Double {
  var total = 0.0
  for query in queries {
    let expected = try reference.search(query, limit: limit, allowing: filter)
    total += recall(try index.search(query, limit: limit, allowing: filter), expected: expected)
  }
  return total / Double(queries.count)
}

/// Ids 0..<count paired with the vectors.
func numbered(_ vectors: [[Float]]) -> [(Int64, [Float])] {
  vectors.enumerated().map { (Int64($0.offset), $0.element) }
}
