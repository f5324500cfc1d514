import LoupeMedia

/// Whether an image has no colour: a style the classifier has no class for, but that people
/// search by ("a black and white photo", "白黒写真").
enum Colourfulness {
  /// Mean chroma (max − min channel, 0–255) below which an image counts as black and white.
  /// Greyscale scans and photos measure 0; the least colourful colour photo of the tuning
  /// gallery, text printed on tinted paper, measures 2.6.
  static let monochromeChroma: Float = 1.5
  /// At most this many pixels are read: the mean settles long before a 14-megapixel wallpaper is
  /// read in full.
  static let sampleCount = 65_536

  /// The mean chroma of up to `sampleCount` evenly spaced pixels.
  static func meanChroma(of image: PixelBuffer) -> Float {
    let pixelCount = image.width * image.height
    let step = max(1, pixelCount / sampleCount)
    var total = 0, sampled = 0
    image.pixels.withUnsafeBufferPointer { pixels in
      for pixel in stride(from: 0, to: pixelCount, by: step) {
        let r = pixels[pixel * 3], g = pixels[pixel * 3 + 1], b = pixels[pixel * 3 + 2]
        total += Int(max(r, g, b) - min(r, g, b))
        sampled += 1
      }
    }
    return Float(total) / Float(max(sampled, 1))
  }

  static func isMonochrome(_ image: PixelBuffer) -> Bool {
    meanChroma(of: image) < monochromeChroma
  }
}
