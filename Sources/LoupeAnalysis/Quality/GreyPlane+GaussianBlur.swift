import Foundation

extension GreyPlane {
  /// The 7×7 Gaussian (σ = 7/6, edges replicated) that BRISQUE takes local means with.
  ///
  /// MSCN coefficients divide by a local deviation that is a difference of two nearly equal
  /// blurs, so in flat areas the result hinges on the last bit of each blurred value. The
  /// rounding therefore follows OpenCV's float separable filter on AVX2 hardware: kernel taps
  /// rounded to `Float`, rows accumulated with fused multiply-adds except the last `width % 4`
  /// columns, columns folded symmetrically (fused for all but the last `width % 8` columns).
  func gaussianBlurredForBRISQUE() -> GreyPlane {
    let radius = Self.brisqueKernel.count / 2
    let fusedRowColumns = width - width % 4
    let fusedColumnColumns = width - width % 8
    let (width, height) = (self.width, self.height)
    var rows = [Float](repeating: 0, count: width * height)
    var result = [Float](repeating: 0, count: width * height)
    var padded = [Float](repeating: 0, count: width + 2 * radius)
    Self.brisqueKernel.withUnsafeBufferPointer { kernel in
      values.withUnsafeBufferPointer { source in
        rows.withUnsafeMutableBufferPointer { rows in
          padded.withUnsafeMutableBufferPointer { padded in
            for y in 0..<height {
              for x in padded.indices {
                padded[x] = source[y * width + min(max(x - radius, 0), width - 1)]
              }
              for x in 0..<width {
                var sum = padded[x] * kernel[0]
                if x < fusedRowColumns {
                  for tap in 1..<kernel.count { sum = sum.addingProduct(padded[x + tap], kernel[tap]) }
                } else {
                  for tap in 1..<kernel.count { sum += padded[x + tap] * kernel[tap] }
                }
                rows[y * width + x] = sum
              }
            }
          }
        }
      }
      rows.withUnsafeBufferPointer { rows in
        result.withUnsafeMutableBufferPointer { result in
          for y in 0..<height {
            let start = { (offset: Int) in min(max(y + offset, 0), height - 1) * width }
            let centre = start(0)
            let below = (1...radius).map { start($0) }
            let above = (1...radius).map { start(-$0) }
            for x in 0..<width {
              var sum = rows[centre + x] * kernel[radius]
              for tap in 1...radius {
                let pair = rows[below[tap - 1] + x] + rows[above[tap - 1] + x]
                if x < fusedColumnColumns {
                  sum = sum.addingProduct(pair, kernel[radius + tap])
                } else {
                  sum += pair * kernel[radius + tap]
                }
              }
              result[y * width + x] = sum
            }
          }
        }
      }
    }
    return GreyPlane(width: width, height: height, values: result)
  }

  /// OpenCV's `getGaussianKernel(7, 7/6, CV_32F)`: taps normalised in `Double`, then rounded.
  static let brisqueKernel: [Float] = {
    let size = 7
    let sigma = 7.0 / 6.0
    let taps = (0..<size).map { index in
      let x = Double(index) - Double(size - 1) / 2
      return exp(-0.5 / (sigma * sigma) * x * x)
    }
    let scale = 1 / taps.reduce(0, +)
    return taps.map { Float($0 * scale) }
  }()
}
