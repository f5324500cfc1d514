/// Colour statistics transfer (Reinhard, Ashikhmin, Gooch and Shirley 2001, "Color Transfer
/// between Images"), done in CIE L\*a\*b\* rather than the paper's lαβ: each channel of the
/// changed pixels is shifted and scaled so the region's mean and standard deviation become the
/// reference region's, `v′ = (v − μ) · clamp(σ_ref / σ) + μ_ref`.
public struct ColorTransfer: Sendable, Equatable {
  /// The scale `σ_ref / σ` is clamped to this range, so a flat region (σ ≈ 0) is not blown up
  /// into noise and a busy reference does not wash the region out.
  public static let defaultScaleRange: ClosedRange<Float> = 0.5...2

  /// 0 leaves the image unchanged, 1 is the full transfer; values between interpolate in Lab
  /// (values outside 0…1 act as the nearest end).
  public var strength: Float
  public var scaleRange: ClosedRange<Float>

  public init(strength: Float = 1, scaleRange: ClosedRange<Float> = defaultScaleRange) {
    self.strength = strength
    self.scaleRange = scaleRange
  }

  /// `image` (sRGB, three channels, 0…255) with the colours inside `region` moved to the
  /// statistics of `reference` inside `referenceRegion` (whole images when `nil`). Region
  /// values weigh both the statistics and the change, so a feathered region fades out and
  /// pixels where it is 0 keep their exact samples. `nil` when either image lacks three
  /// channels, a mask's size differs from its image's, or a region is empty.
  public func apply(
    to image: FloatImage,
    in region: Mask? = nil,
    matching reference: FloatImage,
    in referenceRegion: Mask? = nil
  ) -> FloatImage? {
    guard image.channels == 3, reference.channels == 3 else { return nil }
    let strength = min(max(strength, 0), 1)
    let lab = image.convertedToLab()
    guard let own = lab.channelStatistics(in: region),
      let target = reference.convertedToLab().channelStatistics(in: referenceRegion)
    else { return nil }
    let scale = SIMD3<Float>(
      (0..<3).map { channel in
        let deviation = own.standardDeviations[channel]
        let scale = deviation > 1e-6 ? target.standardDeviations[channel] / deviation : scaleRange.upperBound
        return min(max(scale, scaleRange.lowerBound), scaleRange.upperBound)
      }
    )
    let ownMean = SIMD3<Float>(own.means), targetMean = SIMD3<Float>(target.means)
    var output = image
    output.samples.withUnsafeMutableBufferPointer { output in
      lab.samples.withUnsafeBufferPointer { lab in
        for pixel in 0..<image.pixelCount {
          let weight = strength * (region?.values[pixel] ?? 1)
          guard weight > 0 else { continue }
          let index = pixel * 3
          let value = SIMD3<Float>(lab[index], lab[index + 1], lab[index + 2])
          let transferred = (value - ownMean) * scale + targetMean
          let moved = value + weight * (transferred - value)
          let rgb = CIELabColor(lightness: moved.x, a: moved.y, b: moved.z).rgb
          output[index] = rgb.red
          output[index + 1] = rgb.green
          output[index + 2] = rgb.blue
        }
      }
    }
    return output
  }
}
