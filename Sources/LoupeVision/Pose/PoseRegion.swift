import Foundation
import LoupeMedia

/// The rotated square of the image the pose landmarker reads: centred on the body, `side` pixels
/// wide, turned by `rotation` radians (MediaPipe's sign: positive turns the body's hip-to-head
/// axis clockwise onto the upward vertical as the image is shown).
public struct PoseRegion: Sendable, Equatable {
  public var center: Point
  public var side: Float
  public var rotation: Float

  public init(center: Point, side: Float, rotation: Float) {
    self.center = center
    self.side = side
    self.rotation = rotation
  }

  /// The map from image coordinates into an `outputSide` × `outputSide` crop of the region,
  /// upright.
  public func cropTransform(outputSide: Int) -> LoupeMedia.AffineTransform {
    let scale = Float(outputSide) / side
    let cosine: Float = cos(rotation) * scale
    let sine: Float = sin(rotation) * scale
    let half = Float(outputSide) / 2
    let tx: Float = half - (cosine * center.x + sine * center.y)
    let ty: Float = half - (cosine * center.y - sine * center.x)
    return LoupeMedia.AffineTransform(a: cosine, b: sine, tx: tx, c: -sine, d: cosine, ty: ty)
  }
}
