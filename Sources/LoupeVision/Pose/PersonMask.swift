import LoupeMedia

/// The landmark model's person segmentation: a square grid of probabilities (1 = person) over the
/// pose region, read in image coordinates through the region's crop transform. Kept at the
/// model's resolution, so several people's masks over a large photo stay small.
public struct PersonMask: Sendable, Equatable {
  public let side: Int
  public let probabilities: [Float]
  /// Image coordinates into the grid's.
  public let imageToGrid: AffineTransform

  public init(side: Int, probabilities: [Float], imageToGrid: AffineTransform) {
    self.side = side
    self.probabilities = probabilities
    self.imageToGrid = imageToGrid
  }

  /// The probability at image point (x, y), bilinear between grid samples; 0 outside the region
  /// (MediaPipe warps the mask back with a zero border). Pixel centres sit at integer
  /// coordinates, as in OpenCV and `PixelBuffer.warped`.
  public func probability(x: Float, y: Float) -> Float {
    let gx = imageToGrid.a * x + imageToGrid.b * y + imageToGrid.tx
    let gy = imageToGrid.c * x + imageToGrid.d * y + imageToGrid.ty
    let x0 = Int(gx.rounded(.down)), y0 = Int(gy.rounded(.down))
    let fx = gx - Float(x0), fy = gy - Float(y0)
    func value(_ column: Int, _ row: Int) -> Float {
      column >= 0 && row >= 0 && column < side && row < side ? probabilities[row * side + column] : 0
    }
    let top = value(x0, y0) * (1 - fx) + value(x0 + 1, y0) * fx
    let bottom = value(x0, y0 + 1) * (1 - fx) + value(x0 + 1, y0 + 1) * fx
    return top * (1 - fy) + bottom * fy
  }

  /// The mask over a `width` × `height` image.
  public func rendered(width: Int, height: Int) -> Mask {
    var values = [Float](repeating: 0, count: max(0, width) * max(0, height))
    for y in 0..<max(0, height) {
      for x in 0..<max(0, width) {
        values[y * width + x] = probability(x: Float(x), y: Float(y))
      }
    }
    return Mask(width: width, height: height, values: values) ?? Mask(width: 0, height: 0)
  }
}
