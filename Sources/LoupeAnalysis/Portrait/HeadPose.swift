import Foundation
import LoupeMedia

/// Head rotation estimated from the detector's five landmarks (eyes, nose tip, mouth corners),
/// in degrees: `roll` from the eye line; `yaw` from how far the nose tip sits off the line
/// between the eyes' and the mouth's midpoints, and `pitch` from where it sits between them,
/// both through a simple head model in which the nose tip stands `noseDepth` half eye-distances
/// in front of the eyes.
public struct HeadPose: Sendable, Equatable {
  public var yaw: Double
  public var pitch: Double
  public var roll: Double

  /// Nose-tip depth in half eye-distances; typical adult faces measure 0.6–0.8.
  static let noseDepth = 0.7
  /// Where a frontal nose tip sits from the eye line to the mouth line (0…1), measured on
  /// frontal faces of the ArcFace alignment template.
  static let frontalNoseHeight = 0.495

  public init(yaw: Double, pitch: Double, roll: Double) {
    self.yaw = yaw
    self.pitch = pitch
    self.roll = roll
  }

  /// `nil` for degenerate landmarks (eyes on one point, mouth at the eye line).
  public init?(landmarks: [Point]) {
    guard landmarks.count == 5 else { return nil }
    let leftEye = landmarks[0], rightEye = landmarks[1], nose = landmarks[2]
    let eyes = Self.midpoint(leftEye, rightEye), mouth = Self.midpoint(landmarks[3], landmarks[4])
    let eyeDX = Double(rightEye.x - leftEye.x), eyeDY = Double(rightEye.y - leftEye.y)
    let eyeDistance = (eyeDX * eyeDX + eyeDY * eyeDY).squareRoot()
    guard eyeDistance > 1e-3 else { return nil }
    let roll = atan2(eyeDY, eyeDX)
    // Into the face's frame: x along the eye line, y down the face.
    let cosine = cos(-roll), sine = sin(-roll)
    func local(_ point: Point) -> (x: Double, y: Double) {
      let x = Double(point.x - eyes.x), y = Double(point.y - eyes.y)
      return (x * cosine - y * sine, x * sine + y * cosine)
    }
    let mouthLocal = local(mouth), noseLocal = local(nose)
    guard mouthLocal.y > 1e-3 else { return nil }
    let progress = noseLocal.y / mouthLocal.y
    let midlineX = mouthLocal.x * progress
    let halfEyes = eyeDistance / 2
    let yaw = atan((noseLocal.x - midlineX) / (Self.noseDepth * halfEyes))
    let pitch = atan((progress - Self.frontalNoseHeight) * mouthLocal.y / (Self.noseDepth * halfEyes))
    self.init(yaw: yaw * 180 / .pi, pitch: pitch * 180 / .pi, roll: roll * 180 / .pi)
  }

  /// PAI's `frontal`: yaw and pitch within `limit` degrees each (roll does not matter; the
  /// face is aligned anyway).
  public func isFrontal(limit: Double = 20) -> Bool {
    abs(yaw) <= limit && abs(pitch) <= limit
  }

  /// 1 for a face looking straight at the camera, falling with yaw and pitch: `cos(yaw)·cos(pitch)`.
  public var frontality: Double {
    cos(yaw * .pi / 180) * cos(pitch * .pi / 180)
  }

  private static func midpoint(_ a: Point, _ b: Point) -> Point {
    Point(x: (a.x + b.x) / 2, y: (a.y + b.y) / 2)
  }
}
