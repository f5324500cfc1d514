import Foundation

/// A moment-matching fit of an asymmetric generalised Gaussian distribution, BRISQUE's model of
/// MSCN coefficients and of their neighbour products, computed as OpenCV's `AGGDfit` does.
struct AsymmetricGaussianFit: Sendable, Equatable {
  /// Shape γ, on OpenCV's grid 0.2, 0.201, ... (the first local minimum of the moment mismatch).
  var shape: Double
  var leftSigma: Double
  var rightSigma: Double

  /// Values that are NaN (OpenCV's square root of a variance rounded below zero) count towards the
  /// sample size but, like zeros, towards neither side, which is what OpenCV's SIMD `max`/`min`
  /// and `patchNaNs` make of them. Nil when either side is empty: the fit is undefined.
  init?(fitting values: UnsafeBufferPointer<Float>) {
    var positiveCount = 0, negativeCount = 0
    var positiveSquares = 0.0, negativeSquares = 0.0, absoluteSum = 0.0
    for value in values {
      if value > 0 {
        positiveCount += 1
        positiveSquares += Double(value * value)
        absoluteSum += Double(value)
      } else if value < 0 {
        negativeCount += 1
        negativeSquares += Double(value * value)
        absoluteSum -= Double(value)
      }
    }
    guard positiveCount > 0, negativeCount > 0 else { return nil }
    leftSigma = (negativeSquares / Double(negativeCount)).squareRoot()
    rightSigma = (positiveSquares / Double(positiveCount)).squareRoot()
    let ratio = leftSigma / rightSigma
    let total = Double(values.count)
    let meanAbsolute = absoluteSum / total
    let r = meanAbsolute * meanAbsolute / ((negativeSquares + positiveSquares) / total)
    let normalised = r * (pow(ratio, 3) + 1) * (ratio + 1) / pow(pow(ratio, 2) + 1, 2)
    shape = Self.shape(matching: normalised)
  }

  /// The mean of the fitted distribution, BRISQUE's "mean parameter" of a neighbour product.
  var mean: Double {
    let spread = tgamma(1 / shape).squareRoot() / tgamma(3 / shape).squareRoot()
    return (rightSigma - leftSigma) * (tgamma(2 / shape) / tgamma(1 / shape)) * spread
  }

  private static func shape(matching ratio: Double) -> Double {
    var best = 0.0
    var bestDifference = 1e10
    for (shape, moment) in momentRatios {
      let difference = abs(moment - ratio)
      if difference > bestDifference { break }
      bestDifference = difference
      best = shape
    }
    return best
  }

  /// Γ(2/γ)² / (Γ(1/γ) Γ(3/γ)) on OpenCV's grid, which it builds by repeated addition of 0.001
  /// (so the grid values carry that accumulated rounding, and the chosen shape carries it too).
  private static let momentRatios: [(shape: Double, ratio: Double)] = {
    var table: [(Double, Double)] = []
    var shape = 0.2
    while shape < 10 {
      table.append((shape, tgamma(2 / shape) * tgamma(2 / shape) / (tgamma(1 / shape) * tgamma(3 / shape))))
      shape += 0.001
    }
    return table
  }()
}
