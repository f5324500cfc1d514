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
  /// Mean luma (0...1) of the pixels outside the saturated plateau: how bright the content that
  /// kept its detail is. 1 when everything is in the plateau.
  var unclippedMean: Double
  /// How many of the 256 luma levels hold at least `toneLevelShare` of the pixels. Darkening
  /// merges levels and lowers it; brightening or any other per-pixel tone map can only move
  /// levels, never add them, so unlike the brightest level it does not reward brightening a dim
  /// photo.
  var toneLevels: Int

  static let saturationDepth = 5
  static let toneLevelShare = 1e-4

  /// Blockiness comes from `fullResolution`; everything else from `luma`, the analysed copy.
  init(_ luma: LumaPlane, fullResolution: LumaPlane) {
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
    saturatedHighlights = Double(saturated) / Double(max(count, 1))
    let sum = histogram.indices.reduce(0) { $0 + $1 * histogram[$1] }
    meanLuminance = Double(sum) / Double(max(count, 1)) / 255
    let unclippedSum = histogram[..<plateauStart].indices.reduce(0) { $0 + $1 * histogram[$1] }
    unclippedMean = count > saturated ? Double(unclippedSum) / Double(count - saturated) / 255 : 1
    let minimumCount = max(1, Self.toneLevelShare * Double(count))
    toneLevels = histogram.count { Double($0) >= minimumCount }
  }
}
