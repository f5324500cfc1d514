import LoupeMedia

/// How a `WatermarkMask` is filled. `harmonic` is what the service runs; the others are kept for
/// the measurement that chose it on the tuning set (docs/models.md, "Watermark removal"): the
/// smoothest fill came out ahead of Telea's and of inverting the blend, whose opacity, estimated
/// from one line, is not exact enough for the division by 1 − opacity.
public enum WatermarkFill: String, Sendable, CaseIterable {
  /// Translucent strokes restored by inverting the blend, the rest by Telea's inpainting.
  case restoringTelea
  /// Translucent strokes restored, the rest by the harmonic (membrane) fill.
  case restoringHarmonic
  /// Every detected pixel inpainted by Telea's method.
  case telea
  /// Every detected pixel filled harmonically.
  case harmonic

  /// `image` with the mask's pixels recovered; every other pixel is `image`'s, unchanged.
  public func apply(_ mask: WatermarkMask, to image: PixelBuffer) -> PixelBuffer {
    guard !mask.isEmpty, image.width == mask.width, image.height == mask.height else { return image }
    var working = FloatImage(image)
    var hole = mask.inpainted
    switch self {
    case .restoringTelea, .restoringHarmonic:
      Self.restore(&working, mask)
    case .telea, .harmonic:
      hole = mask.detected
    }
    let filled: FloatImage?
    switch self {
    case .restoringTelea, .telea: filled = FastMarchingInpainting(radius: 5).inpaint(working, hole: hole)
    case .restoringHarmonic, .harmonic: filled = HarmonicInpainting().inpaint(working, hole: hole)
    }
    guard let filled, var output = PixelBuffer(filled) else { return image }
    // Rounding back to 8 bits is done only where the mask says: every other byte is the input's.
    let detected = mask.detected
    for pixel in 0..<detected.values.count where detected.values[pixel] == 0 {
      for channel in 0..<PixelBuffer.channels {
        output.pixels[pixel * PixelBuffer.channels + channel] = image.pixels[pixel * PixelBuffer.channels + channel]
      }
    }
    return output
  }

  /// `photo = (marked − opacity · shade) / (1 − opacity)` on the restored pixels.
  static func restore(_ image: inout FloatImage, _ mask: WatermarkMask) {
    let channels = image.channels
    for pixel in 0..<mask.restoredOpacity.count {
      let opacity = mask.restoredOpacity[pixel]
      guard opacity > 0, opacity < 1 else { continue }
      let shade = mask.restoredShade[pixel]
      for channel in 0..<channels {
        let index = pixel * channels + channel
        image.samples[index] = min(255, max(0, (image.samples[index] - opacity * shade) / (1 - opacity)))
      }
    }
  }
}
