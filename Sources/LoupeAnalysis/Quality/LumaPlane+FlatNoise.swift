import Foundation

extension LumaPlane {
  /// Side of the square blocks the noise is estimated in.
  static let noiseBlockSide = 8
  /// Share of the blocks, the flattest, that the noise is estimated from.
  static let flatBlockShare = 0.1

  /// Below this ratio of Immerkær response to Sobel gradient, the flattest blocks hold texture
  /// rather than noise. White noise gives about 0.87.
  static let noiseLikeRatio = 0.8

  /// Noise σ in grey levels: Immerkær's fast estimate ("Fast noise variance estimation", 1996)
  /// over the tenth of the 8×8 blocks with the weakest Sobel gradient, discounted where those
  /// blocks do not look like noise.
  ///
  /// Immerkær's mask is blind to planes and ramps but not to fine texture, so over a whole photo
  /// of fur or gravel it reads the texture as noise. Restricting it to the flattest blocks (the
  /// selection that PCA-based estimators such as Liu et al.'s make with weak-texture patches)
  /// leaves texture out wherever the photo has flat areas. Where it has none, the blocks' ratio
  /// of Immerkær response (a second difference, dominated by pixel-scale noise) to Sobel gradient
  /// (a smoothed first difference, dominated by structure) tells them apart: about 0.87 for white
  /// noise, 0.1–0.4 for texture. Below `noiseLikeRatio` the estimate is scaled by the square of
  /// the ratio's share of it, so texture counts for little while added noise, which raises the
  /// ratio, still shows in full.
  var flatNoise: Double {
    guard width - 2 >= Self.noiseBlockSide, height - 2 >= Self.noiseBlockSide else { return 0 }
    let side = Self.noiseBlockSide
    let columns = (width - 2) / side
    let rows = (height - 2) / side
    var gradients = [Int](repeating: 0, count: columns * rows)
    var responses = [Int](repeating: 0, count: columns * rows)
    values.withUnsafeBufferPointer { values in
      for y in 0..<(rows * side) {
        for x in 0..<(columns * side) {
          let (gradient, response) = Self.sobelAndImmerkaer(values, centre: (y + 1) * width + x + 1, width: width)
          let block = (y / side) * columns + x / side
          gradients[block] += gradient
          responses[block] += response
        }
      }
    }
    // Ties go to the earlier block, so the estimate does not depend on the sort's stability.
    let flattest = gradients.indices.sorted { (gradients[$0], $0) < (gradients[$1], $1) }
    let count = max(1, Int(Double(flattest.count) * Self.flatBlockShare))
    let response = flattest.prefix(count).reduce(0) { $0 + responses[$1] }
    let gradient = flattest.prefix(count).reduce(0) { $0 + gradients[$1] }
    let sigma = (Double.pi / 2).squareRoot() / 6 * Double(response) / Double(count * side * side)
    let noiseLikeness = min(1, Double(response) / Double(max(gradient, 1)) / Self.noiseLikeRatio)
    return sigma * noiseLikeness * noiseLikeness
  }

  /// `abs` without generics, which debug builds do not specialise.
  @inline(__always) private static func magnitude(_ value: Int) -> Int { value < 0 ? -value : value }

  /// The Sobel gradient |gx| + |gy| and the absolute response to Immerkær's mask (the difference
  /// of two Laplacians) at an interior pixel.
  private static func sobelAndImmerkaer(
    _ values: UnsafeBufferPointer<UInt8>,
    centre: Int,
    width: Int
  ) -> (gradient: Int, response: Int) {
    let above = centre - width, below = centre + width
    let (a, b, c) = (Int(values[above - 1]), Int(values[above]), Int(values[above + 1]))
    let (d, e, f) = (Int(values[centre - 1]), Int(values[centre]), Int(values[centre + 1]))
    let (g, h, i) = (Int(values[below - 1]), Int(values[below]), Int(values[below + 1]))
    let sobelX = (c + 2 * f + i) - (a + 2 * d + g)
    let sobelY = (g + 2 * h + i) - (a + 2 * b + c)
    let response = a + c + g + i - 2 * (b + d + f + h) + 4 * e
    return (magnitude(sobelX) + magnitude(sobelY), magnitude(response))
  }
}
