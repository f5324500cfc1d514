import Foundation
import LoupeAnalysis
import LoupeMedia

/// What one removal achieved against the clean photo: detection against the mark's true alpha,
/// and the restored pixels against the clean photo's.
struct WatermarkScores {
  /// Share of the mark's alpha inside the detected mask.
  var recall: Double
  /// Intersection over union of the detected mask and the pixels the mark changed (alpha > 0).
  var intersectionOverUnion: Double
  var inputPSNR: Double
  var restoredPSNR: Double
  var inputSSIM: Double
  var restoredSSIM: Double
  /// The result against the input outside the detected mask: +∞ when nothing there changed.
  var outsideDetectedPSNR: Double
  /// The result against the clean photo outside the mark's pixels.
  var outsideMarkPSNR: Double

  /// One pass over the pixels with raw buffers: the suite runs this on debug builds, hundreds of
  /// times.
  init(clean: PixelBuffer, marked: PixelBuffer, alpha: Mask, detected: Mask, restored: PixelBuffer) {
    var covered = 0.0, total = 0.0, both = 0.0, either = 0.0
    // Squared errors and pixel counts: input and result inside the marks, result outside the
    // detected mask (against the input) and outside the marks (against the clean photo).
    var inputError = 0.0, restoredError = 0.0, outsideDetectedError = 0.0, outsideMarkError = 0.0
    var markPixels = 0.0, outsideDetectedPixels = 0.0, outsideMarkPixels = 0.0
    var truthValues = [Float](repeating: 0, count: alpha.values.count)
    clean.pixels.withUnsafeBufferPointer { c in
      marked.pixels.withUnsafeBufferPointer { m in
        restored.pixels.withUnsafeBufferPointer { r in
          alpha.values.withUnsafeBufferPointer { a in
            detected.values.withUnsafeBufferPointer { d in
              for pixel in 0..<a.count {
                let isDetected = d[pixel] >= 0.5, isMark = a[pixel] > 0
                covered += isDetected ? Double(a[pixel]) : 0
                total += Double(a[pixel])
                both += isDetected && isMark ? 1 : 0
                either += isDetected || isMark ? 1 : 0
                var input = 0, result = 0, change = 0
                for index in (3 * pixel)..<(3 * pixel + 3) {
                  let cv = Int(c[index]), mv = Int(m[index]), rv = Int(r[index])
                  input += (mv - cv) * (mv - cv)
                  result += (rv - cv) * (rv - cv)
                  change += (rv - mv) * (rv - mv)
                }
                if isMark {
                  truthValues[pixel] = 1
                  inputError += Double(input)
                  restoredError += Double(result)
                  markPixels += 1
                } else {
                  outsideMarkError += Double(result)
                  outsideMarkPixels += 1
                }
                if !isDetected {
                  outsideDetectedError += Double(change)
                  outsideDetectedPixels += 1
                }
              }
            }
          }
        }
      }
    }
    func psnr(_ error: Double, _ pixels: Double) -> Double {
      guard pixels > 0 else { return .nan }
      return error == 0 ? .infinity : 10 * log10(255 * 255 * 3 * pixels / error)
    }
    recall = total > 0 ? covered / total : 0
    intersectionOverUnion = either > 0 ? both / either : 0
    inputPSNR = psnr(inputError, markPixels)
    restoredPSNR = psnr(restoredError, markPixels)
    outsideDetectedPSNR = outsideDetectedPixels > 0 ? psnr(outsideDetectedError, outsideDetectedPixels) : .infinity
    outsideMarkPSNR = psnr(outsideMarkError, outsideMarkPixels)
    let truth = Mask(width: alpha.width, height: alpha.height, values: truthValues)!
    let cleanLuma = Self.luma(clean)
    inputSSIM = Self.structuralSimilarity(Self.luma(marked), cleanLuma, width: clean.width, in: truth)
    restoredSSIM = Self.structuralSimilarity(Self.luma(restored), cleanLuma, width: clean.width, in: truth)
  }

  static func luma(_ image: PixelBuffer) -> [Double] {
    image.pixels.withUnsafeBufferPointer { pixels in
      [Double](unsafeUninitializedCapacity: pixels.count / 3) { luma, count in
        for pixel in 0..<(pixels.count / 3) {
          let red = Double(pixels[3 * pixel]), green = Double(pixels[3 * pixel + 1])
          let blue = Double(pixels[3 * pixel + 2])
          luma[pixel] = 0.299 * red + 0.587 * green + 0.114 * blue
        }
        count = pixels.count / 3
      }
    }
  }

  /// Wang et al.'s SSIM on luma over 7 × 7 windows (scikit-image's default), averaged over the
  /// pixels `region` selects. Window sums come from summed-area tables over the region's
  /// bounding box (grown by the window's radius).
  static func structuralSimilarity(_ a: [Double], _ b: [Double], width: Int, in region: Mask) -> Double {
    guard let box = region.boundingBox(above: 0) else { return .nan }
    let height = a.count / width, radius = 3
    let c1: Double = (0.01 * 255) * (0.01 * 255), c2: Double = (0.03 * 255) * (0.03 * 255)
    let left = max(0, Int(box.x) - radius), top = max(0, Int(box.y) - radius)
    let right = min(width, Int(box.maxX) + radius), bottom = min(height, Int(box.maxY) + radius)
    let columns = right - left, stride = columns + 1, rows = bottom - top
    // Five interleaved summed-area tables: a, b, a², b², ab.
    var tableStorage = [Double](repeating: 0, count: 5 * stride * (rows + 1))
    var sum = 0.0, count = 0.0
    tableStorage.withUnsafeMutableBufferPointer { tables in
      for y in 0..<rows {
        for x in 0..<columns {
          let p = a[(y + top) * width + x + left], q = b[(y + top) * width + x + left]
          let here = 5 * ((y + 1) * stride + x + 1), up = 5 * (y * stride + x + 1)
          let back = 5 * ((y + 1) * stride + x), diagonal = 5 * (y * stride + x)
          tables[here] = p + tables[up] + tables[back] - tables[diagonal]
          tables[here + 1] = q + tables[up + 1] + tables[back + 1] - tables[diagonal + 1]
          tables[here + 2] = p * p + tables[up + 2] + tables[back + 2] - tables[diagonal + 2]
          tables[here + 3] = q * q + tables[up + 3] + tables[back + 3] - tables[diagonal + 3]
          tables[here + 4] = p * q + tables[up + 4] + tables[back + 4] - tables[diagonal + 4]
        }
      }
      for y in top..<bottom {
        for x in left..<right where region.values[y * width + x] > 0 {
          let x0 = max(left, x - radius) - left, x1 = min(right, x + radius + 1) - left
          let y0 = max(top, y - radius) - top, y1 = min(bottom, y + radius + 1) - top
          let n = Double((x1 - x0) * (y1 - y0))
          func mean(_ k: Int) -> Double {
            (tables[5 * (y1 * stride + x1) + k] - tables[5 * (y0 * stride + x1) + k]
              - tables[5 * (y1 * stride + x0) + k] + tables[5 * (y0 * stride + x0) + k]) / n
          }
          let meanA = mean(0), meanB = mean(1)
          let varianceA: Double = mean(2) - meanA * meanA, varianceB: Double = mean(3) - meanB * meanB
          let covariance: Double = mean(4) - meanA * meanB
          let numerator: Double = (2 * meanA * meanB + c1) * (2 * covariance + c2)
          let denominator: Double = (meanA * meanA + meanB * meanB + c1) * (varianceA + varianceB + c2)
          sum += numerator / denominator
          count += 1
        }
      }
    }
    return count > 0 ? sum / count : .nan
  }
}

/// Scores of one kind of mark, summarised as a table row.
struct WatermarkSummary {
  var label: String
  var scores: [WatermarkScores]

  static let header = [
    "kind | samples | found (recall ≥ 0.5) | recall | IoU | PSNR in marks, input → restored (dB) "
      + "| SSIM in marks, input → restored | restored above input | PSNR outside detected mask "
      + "| PSNR outside true marks, worst / median (dB)",
    "---|---|---|---|---|---|---|---|---|---",
  ]

  var row: String {
    let found = scores.filter { $0.recall >= 0.5 }.count
    let above = scores.filter { $0.restoredPSNR > $0.inputPSNR }.count
    let outside = scores.map(\.outsideDetectedPSNR)
    let outsideMarks = scores.map(\.outsideMarkPSNR).sorted()
    return [
      label,
      "\(scores.count)",
      "\(found)/\(scores.count)",
      Self.format(mean(\.recall), 2),
      Self.format(mean(\.intersectionOverUnion), 2),
      "\(Self.format(mean(\.inputPSNR), 1)) → \(Self.format(mean(\.restoredPSNR), 1))",
      "\(Self.format(mean(\.inputSSIM), 3)) → \(Self.format(mean(\.restoredSSIM), 3))",
      "\(above)/\(scores.count)",
      outside.allSatisfy(\.isInfinite) ? "∞ (all)" : Self.format(outside.min()!, 1),
      "\(Self.format(outsideMarks.first!, 1)) / \(Self.format(outsideMarks[outsideMarks.count / 2], 1))",
    ].joined(separator: " | ")
  }

  func mean(_ value: KeyPath<WatermarkScores, Double>) -> Double {
    scores.map { $0[keyPath: value] }.reduce(0, +) / Double(max(1, scores.count))
  }

  static func format(_ value: Double, _ digits: Int) -> String {
    value.isInfinite ? "∞" : String(format: "%.\(digits)f", value)
  }
}
