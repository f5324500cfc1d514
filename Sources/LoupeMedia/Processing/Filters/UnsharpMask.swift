extension FloatImage {
  /// Unsharp masking: each sample moves away from its Gaussian-blurred value (σ = `radius`
  /// pixels) by `amount` times their difference, `v + amount · (v − blur(v))`, but only where
  /// that difference reaches `threshold` (in sample units), so flat areas and fine noise stay
  /// as they are. Results are not clamped; the conversion to 8 bits does that.
  public func sharpened(amount: Float = 0.6, radius: Float = 1.5, threshold: Float = 2) -> FloatImage {
    guard amount != 0, radius > 0, !isEmpty else { return self }
    let blurred = gaussianBlurred(sigma: radius)
    var output = self
    output.samples.withUnsafeMutableBufferPointer { output in
      blurred.samples.withUnsafeBufferPointer { blurred in
        for index in output.indices {
          let detail = output[index] - blurred[index]
          if abs(detail) >= threshold { output[index] += amount * detail }
        }
      }
    }
    return output
  }
}
