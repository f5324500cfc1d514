import LoupeMedia

extension PixelBuffer {
  /// The central `fraction` of the picture in each direction: how the search tests stand in for
  /// a user's cropped screenshot or saved still.
  public func centralCrop(_ fraction: Float) -> PixelBuffer? {
    let margin = (1 - fraction) / 2
    return cropped(
      to: Rect(
        x: Float(width) * margin,
        y: Float(height) * margin,
        width: Float(width) * fraction,
        height: Float(height) * fraction
      )
    )
  }
}
