extension PixelBuffer {
  /// The picture shrunk (area filter) so that its longer side is at most `maxSide`, and the
  /// factor applied (1 when it already fits): detectors read a bounded input and scale their
  /// boxes back by `1 / scale`.
  public func shrunk(toLongSide maxSide: Int) -> (image: PixelBuffer, scale: Float) {
    let longSide = max(width, height)
    guard longSide > maxSide else { return (self, 1) }
    let scale = Float(maxSide) / Float(longSide)
    let image = resized(
      width: max(1, Int((Float(width) * scale).rounded())),
      height: max(1, Int((Float(height) * scale).rounded())),
      filter: .area
    )
    return (image, scale)
  }
}
