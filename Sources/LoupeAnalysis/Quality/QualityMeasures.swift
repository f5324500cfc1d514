import Foundation

/// Simple, exact measures of the distortions BRISQUE alone ranks unreliably, all on 8-bit luma.
struct QualityMeasures: Sendable, Equatable {
  /// `LumaPlane.blurEffect`: 0 sharp ... 1 blurred.
  var blur: Double
  /// `LumaPlane.flatNoise`: σ in grey levels where the image is flattest, discounted for texture.
  var noise: Double
  /// `LumaPlane.blockiness`: ~1 or below without JPEG loss. Measured at full resolution.
  var blockiness: Double
  /// Luma (0...1) at or below which 99% of the pixels lie; low when nothing is bright.
  var highlightLevel: Double
  /// Fraction of pixels within `saturationDepth` levels of the brightest: the plateau that
  /// clipping leaves. Relative to the brightest level rather than to 255, so a clipped photo
  /// darkened afterwards still shows its lost highlights.
  var saturatedHighlights: Double
  /// Mean luma, 0...1.
  var meanLuminance: Double

  static let saturationDepth = 5

  /// Blockiness comes from `fullResolution`; everything else from `luma`, the analysed copy.
  init(_ luma: LumaPlane, fullResolution: LumaPlane) {
    blur = luma.blurEffect
    noise = luma.flatNoise
    blockiness = fullResolution.blockiness
    highlightLevel = Double(luma.percentile(0.99)) / 255
    let brightest = Int(luma.values.max() ?? 0)
    let saturated = luma.values.count { Int($0) >= brightest - Self.saturationDepth }
    saturatedHighlights = Double(saturated) / Double(luma.values.count)
    meanLuminance = Double(luma.values.reduce(0) { $0 + Int($1) }) / Double(luma.values.count) / 255
  }
}
