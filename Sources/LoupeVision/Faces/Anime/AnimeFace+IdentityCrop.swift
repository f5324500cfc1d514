import LoupeMedia

extension AnimeFace {
  /// How much larger than the detector's box the crop that identifies a character is, around
  /// the same centre. Drawn characters are told apart by hair and eyes more than by the features
  /// a photograph's face model reads: 1.5× takes in the fringe, the sides of the hair and the
  /// chin. Chosen before measuring (docs/library.md, "Drawn characters", reports 1.0× beside it).
  public static let identityCropScale: Float = 1.5

  /// The region of `image` that identifies this face's character: the box scaled by `scale`
  /// around its centre, clipped to the image.
  public func identityCrop(of image: PixelBuffer, scale: Float = identityCropScale) -> PixelBuffer? {
    let side = max(box.width, box.height) * scale
    let centreX = box.x + box.width / 2, centreY = box.y + box.height / 2
    return image.cropped(to: Rect(x: centreX - side / 2, y: centreY - side / 2, width: side, height: side))
  }
}
