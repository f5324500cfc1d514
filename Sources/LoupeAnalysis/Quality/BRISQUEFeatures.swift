/// The 36 BRISQUE natural-scene statistics of an image (Mittal, Moorthy and Bovik 2012), computed
/// as OpenCV contrib's `cv::quality::QualityBRISQUE::computeFeatures` does, in `Float` where it
/// works in `Float`: at full and half size, the AGGD fit of the MSCN coefficients (shape, mean
/// variance) and of their products with the right, lower, lower-right and upper-right neighbour
/// (shape, mean, left and right variance).
struct BRISQUEFeatures: Sendable, Equatable {
  static let count = 36

  var values: [Float]

  /// Nil for images without texture at either scale (no negative or no positive MSCN coefficient),
  /// where the statistics, and OpenCV's score, are undefined.
  init?(_ luminance: GreyPlane) {
    var values: [Float] = []
    values.reserveCapacity(Self.count)
    for scale in 0..<2 {
      let plane =
        scale == 0 ? luminance : luminance.cubicResized(width: luminance.width / 2, height: luminance.height / 2)
      guard plane.width > 1, plane.height > 1, let statistics = Self.statistics(of: plane) else { return nil }
      values += statistics
    }
    self.values = values
  }

  private static let neighbourOffsets: [(row: Int, column: Int)] = [(0, 1), (1, 0), (1, 1), (-1, 1)]

  private static func statistics(of plane: GreyPlane) -> [Float]? {
    let coefficients = mscnCoefficients(of: plane)
    guard let fit = coefficients.withUnsafeBufferPointer({ AsymmetricGaussianFit(fitting: $0) }) else { return nil }
    var statistics = [
      Float(fit.shape),
      Float(fit.leftSigma * fit.leftSigma + fit.rightSigma * fit.rightSigma) / 2,
    ]
    var products = [Float](repeating: 0, count: coefficients.count)
    let (width, height) = (plane.width, plane.height)
    for offset in neighbourOffsets {
      coefficients.withUnsafeBufferPointer { coefficients in
        products.withUnsafeMutableBufferPointer { products in
          for y in 0..<height {
            let neighbourRow = y + offset.row
            let rowInside = neighbourRow >= 0 && neighbourRow < height
            for x in 0..<width {
              let inside = rowInside && x + offset.column < width
              let neighbour = inside ? coefficients[neighbourRow * width + x + offset.column] : 0
              products[y * width + x] = coefficients[y * width + x] * neighbour
            }
          }
        }
      }
      guard let fit = products.withUnsafeBufferPointer({ AsymmetricGaussianFit(fitting: $0) }) else { return nil }
      statistics += [
        Float(fit.shape), Float(fit.mean), Float(fit.leftSigma * fit.leftSigma),
        Float(fit.rightSigma * fit.rightSigma),
      ]
    }
    return statistics
  }

  /// Mean-subtracted contrast-normalised coefficients (x − μ) / (σ + 1/255), μ and σ local
  /// Gaussian-weighted. Where σ² rounds below zero the square root is NaN, as in OpenCV.
  static func mscnCoefficients(of plane: GreyPlane) -> [Float] {
    let mean = plane.gaussianBlurredForBRISQUE()
    let squares = GreyPlane(width: plane.width, height: plane.height, values: plane.values.map { $0 * $0 })
    let meanOfSquares = squares.gaussianBlurredForBRISQUE()
    let offset = Float(1.0 / 255.0)
    return plane.values.indices.map { index in
      let mu = mean.values[index]
      let deviation = (meanOfSquares.values[index] - mu * mu).squareRoot() + offset
      return (plane.values[index] - mu) / deviation
    }
  }
}
