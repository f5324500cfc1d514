import LoupeMedia
import LoupeVision

/// A face turned upright and scaled into a 512 × 512 crop by the similarity that puts its five
/// landmarks on the ArcFace template enlarged 3.2× about the crop's centre: eyes 113 px apart,
/// room for the forehead, jaw and some hair. Its 106 landmarks are in crop coordinates.
public struct AlignedFace: Sendable, Equatable {
  public static let side = 512
  static let templateScale: Float = 3.2

  public var image: PixelBuffer
  public var landmarks: [Point]

  public init(image: PixelBuffer, landmarks: [Point]) {
    self.image = image
    self.landmarks = landmarks
  }

  /// The five-point template in crop coordinates.
  public static let template: [Point] = ArcFaceAlignment.template.map { point in
    let half = Float(ArcFaceAlignment.side) / 2
    return Point(
      x: (point.x - half) * templateScale + Float(side) / 2,
      y: (point.y - half) * templateScale + Float(side) / 2
    )
  }

  /// The crop transform of a face: image coordinates to crop coordinates.
  public static func transform(for face: DetectedFace) -> AffineTransform? {
    AffineTransform.similarity(from: face.landmarks, to: template)
  }

  /// Aligns `face` of `image`, carrying its 106 landmarks (image coordinates) into the crop.
  public static func align(_ face: DetectedFace, landmarks: [Point], in image: PixelBuffer) -> AlignedFace? {
    guard let transform = transform(for: face), let crop = image.warped(by: transform, width: side, height: side)
    else { return nil }
    return AlignedFace(image: crop, landmarks: landmarks.map(transform.apply(to:)))
  }
}
