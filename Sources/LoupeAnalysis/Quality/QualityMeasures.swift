import Foundation
import LoupeMedia

/// Simple, exact measures of the distortions BRISQUE alone ranks unreliably, on 8-bit luma (and
/// clipping on the colour channels).
struct QualityMeasures: Sendable, Equatable {
  /// `LumaPlane.blurEffect`: 0 sharp ... 1 blurred.
  var blur: Double
  /// `LumaPlane.flatNoise`: σ in grey levels where the image is flattest, discounted for texture.
  var noise: Double
  /// `LumaPlane.blockiness`: ~1 or below without JPEG loss. Measured at full resolution.
  var blockiness: Double
  /// Luma (0...1) at or below which 99% of the pixels lie; low when nothing is bright.
  var highlightLevel: Double
  /// Fraction of pixels with a colour channel at that channel's brightest value: the spike that
  /// clipping leaves (every clipped value lands on the same level, where a photo's own brightest
  /// tones spread over several). Per channel because over-exposure clips channels one at a time:
  /// a yellow flower brightened ×3 has red and green at 255 while blue, and so luma, still
  /// varies, so the luma plateau of round 3 missed it (its held-out set: +30 points). Relative to
  /// each channel's brightest value rather than to 255, so a clipped photo darkened afterwards
  /// still shows its lost highlights.
  var saturatedHighlights: Double
  /// Mean luma, 0...1.
  var meanLuminance: Double
  /// The brightest luma level in use, 0...1.
  var brightestLevel: Double
  /// Mean luma (0...1) of the pixels outside the luma plateau (`saturationDepth` levels below the
  /// brightest): how bright the content that kept its detail is. 1 when everything is in it.
  var unclippedMean: Double
  /// How many of the 256 luma levels hold at least `toneLevelShare` of the pixels. Darkening
  /// merges levels and lowers it; brightening or any other per-pixel tone map can only move
  /// levels, never add them, so unlike the brightest level it does not reward brightening a dim
  /// photo.
  var toneLevels: Int

  static let saturationDepth = 5
  static let toneLevelShare = 1e-4

  /// Blockiness comes from `fullResolution`; everything else from the analysed copy, `image`,
  /// and its `luma`.
  init(_ image: PixelBuffer, luma: LumaPlane, fullResolution: LumaPlane) {
    blur = luma.blurEffect
    noise = luma.flatNoise
    blockiness = fullResolution.blockiness
    highlightLevel = Double(luma.percentile(0.99)) / 255
    var histogram = [Int](repeating: 0, count: 256)
    for value in luma.values { histogram[Int(value)] += 1 }
    let count = luma.values.count
    let brightest = histogram.lastIndex { $0 > 0 } ?? 0
    let plateauStart = max(0, brightest - Self.saturationDepth)
    let saturated = histogram[plateauStart...].reduce(0, +)
    saturatedHighlights = Self.channelClippingShare(image)
    brightestLevel = Double(brightest) / 255
    let sum = histogram.indices.reduce(0) { $0 + $1 * histogram[$1] }
    meanLuminance = Double(sum) / Double(max(count, 1)) / 255
    let unclippedSum = histogram[..<plateauStart].indices.reduce(0) { $0 + $1 * histogram[$1] }
    unclippedMean = count > saturated ? Double(unclippedSum) / Double(count - saturated) / 255 : 1
    let minimumCount = max(1, Self.toneLevelShare * Double(count))
    toneLevels = histogram.count { Double($0) >= minimumCount }
  }

  /// Share of the pixels with some channel at that channel's maximum.
  private static func channelClippingShare(_ image: PixelBuffer) -> Double {
    let channels = PixelBuffer.channels
    let pixelCount = image.width * image.height
    guard pixelCount > 0 else { return 0 }
    return image.pixels.withUnsafeBufferPointer { pixels in
      var maxima = [Int](repeating: 0, count: channels)
      for index in 0..<pixels.count {
        let channel = index % channels
        if Int(pixels[index]) > maxima[channel] { maxima[channel] = Int(pixels[index]) }
      }
      var clipped = 0
      for pixel in 0..<pixelCount {
        let base = pixel * channels
        for channel in 0..<channels where Int(pixels[base + channel]) == maxima[channel] {
          clipped += 1
          break
        }
      }
      return Double(clipped) / Double(pixelCount)
    }
  }
}
