extension FloatImage {
  /// `self · (1 − m) + other · m` per pixel, `m` the mask's value there: `other` laid over this
  /// image where the mask selects it. `nil` when the images differ in shape or the mask's size
  /// differs. Where `m` is 0 the samples are this image's exactly.
  public func blended(with other: FloatImage, mask: Mask) -> FloatImage? {
    guard hasSameShape(as: other), hasSameSize(as: mask) else { return nil }
    var output = self
    let channels = channels
    output.samples.withUnsafeMutableBufferPointer { output in
      other.samples.withUnsafeBufferPointer { other in
        mask.values.withUnsafeBufferPointer { weights in
          for pixel in 0..<weights.count {
            let weight = weights[pixel]
            guard weight > 0 else { continue }
            for index in (pixel * channels)..<(pixel * channels + channels) {
              output[index] += weight * (other[index] - output[index])
            }
          }
        }
      }
    }
    return output
  }
}
