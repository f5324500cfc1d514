extension PixelBuffer {
  /// The image enlarged `factor` times in each direction (2 for the "super resolution" option),
  /// by `filter` (Lanczos-3 by default; results clamp to 0…255, which also cuts its ringing
  /// where it would leave the range). A factor below 2 returns the image.
  public func upscaled(by factor: Int = 2, filter: ResizeFilter = .lanczos3) -> PixelBuffer {
    guard factor >= 2 else { return self }
    return resized(width: width * factor, height: height * factor, filter: filter)
  }
}
