import Foundation

/// A small seeded generator (Steele, Lea and Flood's SplitMix64), so every run of a randomised
/// test draws the same values.
public struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Uniform in (0, 1].
  public mutating func nextUniform() -> Double { (Double(next() >> 11) + 1) / 9_007_199_254_740_992 }

  /// Standard normal by Box–Muller.
  public mutating func nextGaussian() -> Double {
    (-2 * log(nextUniform())).squareRoot() * cos(2 * Double.pi * nextUniform())
  }
}
