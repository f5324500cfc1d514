import Foundation
import LoupeMedia

/// One person as MediaPipe's pose detector finds them, in image pixels. The box is the face's
/// (as the model was trained); the four keypoints are the mid-hip centre, a point whose distance
/// from it gives the full body's size and direction, the mid-shoulder centre and its upper-body
/// counterpart.
public struct PoseDetection: Sendable, Equatable {
  public var score: Float
  public var box: Rect
  public var keypoints: [Point]

  public init(score: Float, box: Rect, keypoints: [Point]) {
    self.score = score
    self.box = box
    self.keypoints = keypoints
  }

  /// MediaPipe's region for the landmark model: centred on the hips, turned so the hip-to-scale
  /// vector points up, a square 2 × that vector's length, widened by 1.25 for the margin the
  /// landmark model was trained with.
  public var region: PoseRegion {
    let hip = keypoints[0], scalePoint = keypoints[1]
    let dx = scalePoint.x - hip.x, dy = scalePoint.y - hip.y
    let rotation = Float.pi / 2 - atan2(-dy, dx)
    let side = 2 * (dx * dx + dy * dy).squareRoot() * PoseDetection.regionMargin
    return PoseRegion(center: hip, side: side, rotation: Self.normalized(rotation))
  }

  static let regionMargin: Float = 1.25

  private static func normalized(_ angle: Float) -> Float {
    angle - 2 * Float.pi * ((angle + Float.pi) / (2 * Float.pi)).rounded(.down)
  }
}
