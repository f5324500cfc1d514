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
    let width = luma.width
    luma.values.withUnsafeBufferPointer { values in
      for y in 1..<(luma.height - 1) {
        for x in 1..<(width - 1) {
          let centre = y * width + x
          let neighbours =
            Int(values[centre - 1]) + Int(values[centre + 1])
            + Int(values[centre - width]) + Int(values[centre + width])
          laplacian.add(Double(neighbours - 4 * Int(values[centre])))
          levels.add(Double(values[centre]))
        }
      }
    }
    return levels.variance > 0 ? laplacian.variance / levels.variance : 0
  }

  private static func noise(_ luma: LumaPlane) -> Double {
    guard luma.width > 2, luma.height > 2 else { return 0 }
    // Sobel |gx| + |gy| is at most 2 · 4 · 255, so the median comes from a histogram.
    var histogram = [Int](repeating: 0, count: 2 * 4 * 255 + 1)
    forEachInteriorPixel(of: luma) { gradient, _ in histogram[gradient] += 1 }
    let half = (luma.width - 2) * (luma.height - 2) / 2
    var median = 0
    var cumulative = histogram[0]
    while cumulative <= half {
      median += 1
      cumulative += histogram[median]
    }
    var sum = 0
    var count = 0
    forEachInteriorPixel(of: luma) { gradient, response in
      if gradient <= median {
        sum += response
        count += 1
      }
    }
    return (Double.pi / 2).squareRoot() / 6 * Double(sum) / Double(count)
  }

  /// Calls `body` with each interior pixel's Sobel gradient |gx| + |gy| and absolute response to
  /// Immerkær's mask, the difference of two Laplacians, which is blind to planes and linear ramps.
  private static func forEachInteriorPixel(of luma: LumaPlane, _ body: (Int, Int) -> Void) {
    let width = luma.width
    luma.values.withUnsafeBufferPointer { values in
      for y in 1..<(luma.height - 1) {
        for x in 1..<(luma.width - 1) {
          let centre = y * width + x
          let (a, b, c) = (
            Int(values[centre - width - 1]), Int(values[centre - width]), Int(values[centre - width + 1])
          )
          let (d, e, f) = (Int(values[centre - 1]), Int(values[centre]), Int(values[centre + 1]))
          let (g, h, i) = (
            Int(values[centre + width - 1]), Int(values[centre + width]), Int(values[centre + width + 1])
          )
          let sobelX = (c + 2 * f + i) - (a + 2 * d + g)
          let sobelY = (g + 2 * h + i) - (a + 2 * b + c)
          body(abs(sobelX) + abs(sobelY), abs(a + c + g + i - 2 * (b + d + f + h) + 4 * e))
        }
      }
    }
  }

  private static func blockiness(_ luma: LumaPlane) -> Double {
    var boundary = (sum: 0, count: 0)
    var interior = (sum: 0, count: 0)
    let (width, height) = (luma.width, luma.height)
    luma.values.withUnsafeBufferPointer { values in
      for y in 0..<height {
        for x in 0..<width {
          let here = Int(values[y * width + x])
          if x + 1 < width {
            let step = abs(Int(values[y * width + x + 1]) - here)
            if x % 8 == 7 {
              boundary = (boundary.sum + step, boundary.count + 1)
            } else {
              interior = (interior.sum + step, interior.count + 1)
            }
          }
          if y + 1 < height {
            let step = abs(Int(values[(y + 1) * width + x]) - here)
            if y % 8 == 7 {
              boundary = (boundary.sum + step, boundary.count + 1)
            } else {
              interior = (interior.sum + step, interior.count + 1)
            }
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
