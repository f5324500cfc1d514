import Foundation

/// Simple, exact measures of the distortions BRISQUE alone ranks unreliably, all on 8-bit luma.
struct QualityMeasures: Sendable, Equatable {
  /// Variance of the 4-neighbour Laplacian over the variance of the luma: how much of the image's
  /// contrast sits at the finest scale. Dividing by the variance makes it independent of exposure
  /// gain; blur lowers it fast (a sharp photo is around 0.1–1, σ = 1 blur brings it to ~0.02).
  var sharpness: Double
  /// Immerkær's fast noise estimate (σ in grey levels) taken over the flatter half of the image
  /// (Sobel gradient at or below its median), where texture does not pass for noise.
  var noise: Double
  /// Mean luma step across the 8×8 JPEG block grid over the mean step elsewhere: ~1 for natural
  /// images, rising as JPEG quality drops. Measured at full resolution, where the grid lies.
  var blockiness: Double
  /// Luma (0...1) at or below which 99% of the pixels lie; low when nothing is bright.
  var highlightLevel: Double
  /// Fraction of pixels with luma ≥ 250: blown highlights.
  var clippedHighlights: Double
  /// Mean luma, 0...1.
  var meanLuminance: Double

  /// Blockiness comes from `fullResolution`; everything else from `luma`, the analysed copy.
  init(_ luma: LumaPlane, fullResolution: LumaPlane) {
    sharpness = Self.sharpness(luma)
    noise = Self.noise(luma)
    blockiness = Self.blockiness(fullResolution)
    highlightLevel = Double(luma.percentile(0.99)) / 255
    clippedHighlights = Double(luma.values.count { $0 >= 250 }) / Double(luma.values.count)
    meanLuminance = Double(luma.values.reduce(0) { $0 + Int($1) }) / Double(luma.values.count) / 255
  }

  private static func sharpness(_ luma: LumaPlane) -> Double {
    guard luma.width > 2, luma.height > 2 else { return 0 }
    var laplacian = RunningVariance()
    var levels = RunningVariance()
    for y in 1..<(luma.height - 1) {
      for x in 1..<(luma.width - 1) {
        let response = luma[x - 1, y] + luma[x + 1, y] + luma[x, y - 1] + luma[x, y + 1] - 4 * luma[x, y]
        laplacian.add(Double(response))
        levels.add(Double(luma[x, y]))
      }
    }
    return levels.variance > 0 ? laplacian.variance / levels.variance : 0
  }

  private static func noise(_ luma: LumaPlane) -> Double {
    guard luma.width > 2, luma.height > 2 else { return 0 }
    var gradients: [Int] = []
    var responses: [Int] = []
    gradients.reserveCapacity((luma.width - 2) * (luma.height - 2))
    responses.reserveCapacity(gradients.capacity)
    for y in 1..<(luma.height - 1) {
      for x in 1..<(luma.width - 1) {
        let (a, b, c) = (luma[x - 1, y - 1], luma[x, y - 1], luma[x + 1, y - 1])
        let (d, e, f) = (luma[x - 1, y], luma[x, y], luma[x + 1, y])
        let (g, h, i) = (luma[x - 1, y + 1], luma[x, y + 1], luma[x + 1, y + 1])
        let sobelX = (c + 2 * f + i) - (a + 2 * d + g)
        let sobelY = (g + 2 * h + i) - (a + 2 * b + c)
        gradients.append(abs(sobelX) + abs(sobelY))
        // Immerkær's mask, the difference of two Laplacians: blind to planes and linear ramps.
        responses.append(abs(a + c + g + i - 2 * (b + d + f + h) + 4 * e))
      }
    }
    let median = gradients.sorted()[gradients.count / 2]
    var sum = 0
    var count = 0
    for (gradient, response) in zip(gradients, responses) where gradient <= median {
      sum += response
      count += 1
    }
    return (Double.pi / 2).squareRoot() / 6 * Double(sum) / Double(count)
  }

  private static func blockiness(_ luma: LumaPlane) -> Double {
    var boundary = (sum: 0, count: 0)
    var interior = (sum: 0, count: 0)
    for y in 0..<luma.height {
      for x in 0..<luma.width {
        if x + 1 < luma.width {
          let step = abs(luma[x + 1, y] - luma[x, y])
          if x % 8 == 7 {
            boundary = (boundary.sum + step, boundary.count + 1)
          } else {
            interior = (interior.sum + step, interior.count + 1)
          }
        }
        if y + 1 < luma.height {
          let step = abs(luma[x, y + 1] - luma[x, y])
          if y % 8 == 7 {
            boundary = (boundary.sum + step, boundary.count + 1)
          } else {
            interior = (interior.sum + step, interior.count + 1)
          }
        }
      }
    }
    guard boundary.count > 0, interior.sum > 0 else { return 1 }
    return (Double(boundary.sum) / Double(boundary.count)) / (Double(interior.sum) / Double(interior.count))
  }
}

/// Welford's running mean and variance, stable for the long sums of an image.
private struct RunningVariance {
  private var count = 0.0
  private var mean = 0.0
  private var squares = 0.0

  mutating func add(_ value: Double) {
    count += 1
    let delta = value - mean
    mean += delta / count
    squares += delta * (value - mean)
  }

  var variance: Double { count > 0 ? squares / count : 0 }
}
