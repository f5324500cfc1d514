import LoupeMedia

/// Aligns a face to the 112 × 112 ArcFace template by the similarity transform that best maps
/// its five landmarks onto the template's.
public enum ArcFaceAlignment {
  public static let side = 112
  public static let template: [Point] = [
    Point(x: 38.2946, y: 51.6963), Point(x: 73.5318, y: 51.5014), Point(x: 56.0252, y: 71.7366),
    Point(x: 41.5493, y: 92.3655), Point(x: 70.7299, y: 92.2041),
  ]

  public static func transform(for landmarks: [Point]) -> AffineTransform? {
    AffineTransform.similarity(from: landmarks, to: template)
  }

  public static func aligned(_ face: DetectedFace, in image: PixelBuffer) -> PixelBuffer? {
    guard let transform = transform(for: face.landmarks) else { return nil }
    return image.warped(by: transform, width: side, height: side)
  }
}
