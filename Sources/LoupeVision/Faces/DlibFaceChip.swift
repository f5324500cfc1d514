import LoupeMedia

/// The face chip dlib's `get_face_chip_details` produces (the input the age and gender models
/// were trained on): the face mapped by a similarity onto dlib's mean face shape, padded by 20%
/// of the shape's extent on every side, then downsampled without aliasing.
///
/// dlib anchors its 5-point chips on eye corners and the nose base; Loupe's detectors give eye
/// centres, nose tip and mouth corners, so the template holds those points of the same mean
/// shape (the means of dlib's eye points 36–41 and 42–47, nose tip 30, mouth corners 48 and 54).
public enum DlibFaceChip {
  public static let padding: Float = 0.2
  static let maximumOversampling = 16

  /// Unit-square positions in dlib's mean face shape, in `DetectedFace.landmarks` order.
  static let meanShape: [Point] = [
    Point(x: 0.225492, y: 0.215990), Point(x: 0.754761, y: 0.215990), Point(x: 0.490127, y: 0.515625),
    Point(x: 0.254149, y: 0.780233), Point(x: 0.726104, y: 0.780233),
  ]

  public static func template(side: Int) -> [Point] {
    let extent = Float(side) / (1 + 2 * padding)
    return meanShape.map { Point(x: ($0.x + padding) * extent, y: ($0.y + padding) * extent) }
  }

  /// The `side` × `side` chip of the face with these five landmarks, or `nil` when they are
  /// degenerate. When the chip is smaller than the face, it is sampled at a whole multiple of
  /// its size (at most 16 ×) and box-averaged down, as dlib's image pyramid does, so fine texture
  /// cannot alias.
  public static func chip(of landmarks: [Point], in image: PixelBuffer, side: Int) -> PixelBuffer? {
    guard let transform = AffineTransform.similarity(from: landmarks, to: template(side: side)) else {
      return nil
    }
    let scale = (transform.a * transform.a + transform.c * transform.c).squareRoot()
    // Capped so a face filling a huge photo cannot ask for a gigantic intermediate image.
    let factor = min(Self.maximumOversampling, max(1, Int(min(1 / scale, 1e6).rounded(.down))))
    let oversampled = AffineTransform(
      a: transform.a * Float(factor),
      b: transform.b * Float(factor),
      tx: transform.tx * Float(factor),
      c: transform.c * Float(factor),
      d: transform.d * Float(factor),
      ty: transform.ty * Float(factor)
    )
    guard let large = image.warped(by: oversampled, width: side * factor, height: side * factor) else {
      return nil
    }
    return factor == 1 ? large : large.boxAveraged(by: factor)
  }
}

extension PixelBuffer {
  /// Each `factor` × `factor` block averaged into one pixel, rounded half up.
  func boxAveraged(by factor: Int) -> PixelBuffer? {
    let outputWidth = width / factor, outputHeight = height / factor
    let channels = Self.channels, blockArea = factor * factor
    var output = [UInt8](repeating: 0, count: outputWidth * outputHeight * channels)
    for y in 0..<outputHeight {
      for x in 0..<outputWidth {
        for channel in 0..<channels {
          var sum = 0
          for dy in 0..<factor {
            let row = ((y * factor + dy) * width + x * factor) * channels + channel
            for dx in 0..<factor { sum += Int(pixels[row + dx * channels]) }
          }
          output[(y * outputWidth + x) * channels + channel] = UInt8((2 * sum + blockArea) / (2 * blockArea))
        }
      }
    }
    return try? PixelBuffer(width: outputWidth, height: outputHeight, pixels: output)
  }
}
