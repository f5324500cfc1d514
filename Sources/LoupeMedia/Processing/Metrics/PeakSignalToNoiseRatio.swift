import Foundation

extension FloatImage {
  /// PSNR in decibels against `other` for 8-bit-scale samples: `10 · log10(255² / MSE)`, the
  /// mean squared error taken over every sample, each pixel weighted by `region` (all pixels when
  /// `nil`; pass `mask.inverted()` to compare outside a mask). Identical samples give `+∞`.
  /// `nil` when the images differ in shape, the region's size differs or it selects nothing.
  public func peakSignalToNoiseRatio(to other: FloatImage, in region: Mask? = nil) -> Double? {
    guard hasSameShape(as: other) else { return nil }
    if let region, !hasSameSize(as: region) { return nil }
    var squaredError = 0.0, totalWeight = 0.0
    let channels = channels
    samples.withUnsafeBufferPointer { a in
      other.samples.withUnsafeBufferPointer { b in
        for pixel in 0..<pixelCount {
          let weight = Double(region?.values[pixel] ?? 1)
          guard weight > 0 else { continue }
          var pixelError: Float = 0
          for index in (pixel * channels)..<(pixel * channels + channels) {
            let difference = a[index] - b[index]
            pixelError += difference * difference
          }
          squaredError += weight * Double(pixelError)
          totalWeight += weight * Double(channels)
        }
      }
    }
    guard totalWeight > 0 else { return nil }
    let meanSquaredError = squaredError / totalWeight
    return meanSquaredError == 0 ? .infinity : 10 * log10(255 * 255 / meanSquaredError)
  }
}

extension PixelBuffer {
  /// `FloatImage.peakSignalToNoiseRatio(to:in:)` on 8-bit images.
  public func peakSignalToNoiseRatio(to other: PixelBuffer, in region: Mask? = nil) -> Double? {
    FloatImage(self).peakSignalToNoiseRatio(to: FloatImage(other), in: region)
  }
}
