extension FloatImage {
  /// A Gaussian blur of standard deviation `sigma` pixels (separable, kernel cut at ±⌈3σ⌉,
  /// edges extended by their nearest pixel). A `sigma` that is not positive and finite returns
  /// the image.
  public func gaussianBlurred(sigma: Float) -> FloatImage {
    guard sigma > 0, sigma.isFinite, !isEmpty else { return self }
    var copy = self
    let kernel = SymmetricKernel(gaussianSigma: sigma, maximumRadius: 2 * max(width, height))
    copy.samples = convolveSeparable(samples, width: width, height: height, channels: channels, kernel: kernel)
    return copy
  }
}

extension Mask {
  /// A Gaussian blur of standard deviation `sigma` pixels, as `FloatImage.gaussianBlurred`.
  public func gaussianBlurred(sigma: Float) -> Mask {
    guard sigma > 0, sigma.isFinite, !isEmpty else { return self }
    let kernel = SymmetricKernel(gaussianSigma: sigma, maximumRadius: 2 * max(width, height))
    let blurred = convolveSeparable(values, width: width, height: height, channels: 1, kernel: kernel)
    // Normalised non-negative weights keep values in 0…1 up to rounding; clamp that away.
    return Mask(width: width, height: height, unclampedValues: blurred.map { min(max($0, 0), 1) })
  }

  /// The mask with its edges softened over about `radius` pixels on each side: a Gaussian blur
  /// of σ = radius / 2, so a hard edge ramps from 2 % to 98 % across ±radius.
  public func feathered(radius: Float) -> Mask {
    gaussianBlurred(sigma: radius / 2)
  }
}
