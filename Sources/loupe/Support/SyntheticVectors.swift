import Foundation

/// Benchmark vectors, generated from a seed so every run (and the Python references, which read
/// the same file) sees the same data. Rows are flat and unit length, as cosine indexes store them.
struct SyntheticVectors {
  enum Kind: String, CaseIterable {
    /// Independent normal components: no structure, the hardest case for a graph index.
    case random
    /// Points scattered around one random direction per 1,000 vectors, like embeddings of
    /// many near-duplicate groups.
    case clustered
  }

  let dimension: Int
  let kind: Kind
  private var generator: Generator
  private let centres: [Float]
  private let centreCount: Int

  /// Noise per component around a centre: at 512-d a point keeps cos ≈ 0.74 to its centre.
  static let spread: Float = 0.04

  init(kind: Kind, dimension: Int, clusters: Int, seed: UInt64) {
    self.kind = kind
    self.dimension = dimension
    var generator = Generator(state: seed)
    centreCount = kind == .clustered ? max(clusters, 1) : 0
    var centres = [Float]()
    centres.reserveCapacity(centreCount * dimension)
    for _ in 0..<centreCount {
      var centre = (0..<dimension).map { _ in generator.gaussian() }
      Self.normalise(&centre)
      centres.append(contentsOf: centre)
    }
    self.generator = generator
    self.centres = centres
  }

  /// `count` rows, flat.
  mutating func make(_ count: Int) -> [Float] {
    var values = [Float]()
    values.reserveCapacity(count * dimension)
    var row = [Float](repeating: 0, count: dimension)
    for _ in 0..<count {
      switch kind {
      case .random:
        for index in 0..<dimension { row[index] = generator.gaussian() }
      case .clustered:
        let centre = Int(generator.next() % UInt64(centreCount)) * dimension
        for index in 0..<dimension { row[index] = centres[centre + index] + Self.spread * generator.gaussian() }
      }
      Self.normalise(&row)
      values.append(contentsOf: row)
    }
    return values
  }

  private static func normalise(_ row: inout [Float]) {
    let norm = row.reduce(0) { $0 + $1 * $1 }.squareRoot()
    for index in row.indices { row[index] /= norm }
  }

  /// SplitMix64 with Box–Muller normals.
  private struct Generator {
    var state: UInt64

    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }

    mutating func gaussian() -> Float {
      let u = Double(next() >> 11 | 1) / Double(1 << 53)
      let v = Double(next() >> 11) / Double(1 << 53)
      return Float((-2 * log(u)).squareRoot() * cos(2 * Double.pi * v))
    }
  }
}
