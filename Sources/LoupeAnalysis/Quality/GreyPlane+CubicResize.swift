extension GreyPlane {
  /// Bicubic resampling as OpenCV's `resize(INTER_CUBIC)` does it for `Float` images: pixel
  /// centres aligned, the a = −0.75 kernel, edges replicated, rows resampled before columns, and
  /// the four taps summed in pairs (fused in the vertical pass) as its SIMD code rounds them,
  /// since BRISQUE's shape estimates sit on a 0.001 grid that a last-bit change can tip.
  /// BRISQUE's second scale is this resize to half the size (rounded down).
  func cubicResized(width newWidth: Int, height newHeight: Int) -> GreyPlane {
    let columns = Self.cubicTaps(from: width, to: newWidth)
    let rowTaps = Self.cubicTaps(from: height, to: newHeight)
    var horizontal = [Float](repeating: 0, count: newWidth * height)
    values.withUnsafeBufferPointer { source in
      for y in 0..<height {
        let row = y * width
        for (x, tap) in columns.enumerated() {
          let i = tap.indices, w = tap.weights
          let left = source[row + i.0] * w.0 + source[row + i.1] * w.1
          horizontal[y * newWidth + x] = left + (source[row + i.2] * w.2 + source[row + i.3] * w.3)
        }
      }
    }
    var result = [Float](repeating: 0, count: newWidth * newHeight)
    horizontal.withUnsafeBufferPointer { source in
      for (y, tap) in rowTaps.enumerated() {
        let i = tap.indices, w = tap.weights
        let r0 = i.0 * newWidth, r1 = i.1 * newWidth, r2 = i.2 * newWidth, r3 = i.3 * newWidth
        for x in 0..<newWidth {
          let upper = (source[r1 + x] * w.1).addingProduct(source[r0 + x], w.0)
          result[y * newWidth + x] = upper + (source[r3 + x] * w.3).addingProduct(source[r2 + x], w.2)
        }
      }
    }
    return GreyPlane(width: newWidth, height: newHeight, values: result)
  }

  private struct CubicTap {
    var indices: (Int, Int, Int, Int)
    var weights: (Float, Float, Float, Float)
  }

  private static func cubicTaps(from sourceCount: Int, to count: Int) -> [CubicTap] {
    let scale = Double(sourceCount) / Double(count)
    let clamp = { (index: Int) in min(max(index, 0), sourceCount - 1) }
    return (0..<count).map { index in
      let position = Float((Double(index) + 0.5) * scale - 0.5)
      let start = Int(position.rounded(.down))
      let t = position - Float(start)
      // Keys' cubic convolution with a = −0.75, in OpenCV's Float arithmetic and term order.
      let a: Float = -0.75
      let w0 = ((a * (t + 1) - 5 * a) * (t + 1) + 8 * a) * (t + 1) - 4 * a
      let w1 = ((a + 2) * t - (a + 3)) * t * t + 1
      let w2 = ((a + 2) * (1 - t) - (a + 3)) * (1 - t) * (1 - t) + 1
      return CubicTap(
        indices: (clamp(start - 1), clamp(start), clamp(start + 1), clamp(start + 2)),
        weights: (w0, w1, w2, 1 - w0 - w1 - w2)
      )
    }
  }
}
