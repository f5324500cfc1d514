import LoupeMedia

/// The 33 body points of MediaPipe's pose landmark model, in its order. "Left" and "right" are
/// the person's own.
public enum PoseLandmarkKind: Int, CaseIterable, Sendable {
  case nose
  case leftEyeInner, leftEye, leftEyeOuter, rightEyeInner, rightEye, rightEyeOuter
  case leftEar, rightEar, mouthLeft, mouthRight
  case leftShoulder, rightShoulder, leftElbow, rightElbow, leftWrist, rightWrist
  case leftPinky, rightPinky, leftIndex, rightIndex, leftThumb, rightThumb
  case leftHip, rightHip, leftKnee, rightKnee, leftAnkle, rightAnkle
  case leftHeel, rightHeel, leftFootIndex, rightFootIndex

  /// The points of the head, which reshaping must leave as they are.
  public static let head: [PoseLandmarkKind] = [
    .nose, .leftEyeInner, .leftEye, .leftEyeOuter, .rightEyeInner, .rightEye, .rightEyeOuter,
    .leftEar, .rightEar, .mouthLeft, .mouthRight,
  ]
}

/// One body point: its position in image pixels, its depth relative to the hips (MediaPipe's
/// scale: about the image width), and the probabilities that it is visible (not hidden by the
/// body or something else) and that it lies inside the image.
public struct PoseLandmark: Sendable, Equatable {
  public var point: Point
  public var z: Float
  public var visibility: Float
  public var presence: Float

  public init(point: Point, z: Float, visibility: Float, presence: Float) {
    self.point = point
    self.z = z
    self.visibility = visibility
    self.presence = presence
  }
}
