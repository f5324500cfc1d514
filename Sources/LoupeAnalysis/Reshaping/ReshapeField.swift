import LoupeMedia
import LoupeVision

/// Where every output pixel of a reshaped photo reads from: each person's `BodyFrame` field,
/// summed where they overlap and held at zero on every head.
public struct ReshapeField: Sendable {
  let frames: [BodyFrame]

  /// `nil` when no pose gives a usable body axis.
  public init?(poses: [BodyPose], strength: Float) {
    let frames = poses.compactMap { BodyFrame(pose: $0, strength: strength) }
    guard !frames.isEmpty else { return nil }
    self.frames = frames
  }

  /// The point of the original photo that output point (x, y) shows.
  public func source(x: Float, y: Float) -> Point {
    var shiftX: Float = 0, shiftY: Float = 0
    for frame in frames {
      let shift = frame.displacement(x: x, y: y)
      shiftX += shift.x
      shiftY += shift.y
    }
    guard shiftX != 0 || shiftY != 0 else { return Point(x: x, y: y) }
    let protection = frames.reduce(Float(1)) { min($0, $1.headProtection(x: x, y: y)) }
    return Point(x: x + shiftX * protection, y: y + shiftY * protection)
  }

  /// `image` reshaped; pixels no field reaches are copied bit for bit.
  public func apply(to image: PixelBuffer) -> PixelBuffer {
    guard frames.contains(where: { $0.strength != 0 }) else { return image }
    var bounds = frames[0].bounds(width: image.width, height: image.height)
    for frame in frames.dropFirst() {
      let other = frame.bounds(width: image.width, height: image.height)
      bounds = (
        min(bounds.x.lowerBound, other.x.lowerBound)..<max(bounds.x.upperBound, other.x.upperBound),
        min(bounds.y.lowerBound, other.y.lowerBound)..<max(bounds.y.upperBound, other.y.upperBound)
      )
    }
    return image.remapped(in: bounds, source: source)
  }
}
