import LoupeMedia
import LoupeVision

/// One person's reshaping field: where each output pixel near the body reads from.
///
/// The frame runs down the body's axis from the mid-shoulder point S through the mid-hip point H
/// (torso length L) towards the mid-knee point K; `along` is the distance down that axis and
/// `across` the signed distance from the body's centre line (which bends from S–H towards K).
/// On each side the body's half-width at every station is read from the person mask. A pixel at
/// `r` half-widths from the centre line reads from `r · (1 + strength · g(r))` half-widths, where
/// g is 1 inside the body and falls smoothly to 0 at `reach` half-widths: with a positive
/// strength the body and what lies just beside it are drawn in towards the axis (slimmer), with a
/// negative one pushed out (wider). The strength also fades in below the shoulders and out below
/// the knees, and `headProtection` zeroes every field on every head, so faces and heads keep
/// their shape; everything beyond the
/// reach is read from where it is: far background lines stay put, and the field is continuous
/// (no tearing) and monotonic across the axis for |strength| ≤ `maximumStrength`.
struct BodyFrame: Sendable {
  /// Half-widths from the centre line at which the field has faded to nothing.
  static let reach: Float = 2.5
  /// The largest |strength| for which `r · (1 + strength · g(r))` still grows with r (the
  /// derivative's lowest value is 1 − 1.25 · strength).
  static let maximumStrength: Float = 0.2
  /// Stations along the axis at which the half-widths are measured.
  static let stations = 48

  let shoulders: Point
  let axis: Point
  let normal: Point
  let torso: Float
  /// Along-axis distance of the knees' midpoint and its offset across the axis.
  let kneeAlong: Float
  let kneeAcross: Float
  /// Where the field starts and ends along the axis.
  let start: Float
  let end: Float
  /// Half-widths on the normal's negative and positive sides, per station.
  let negativeWidths: [Float]
  let positiveWidths: [Float]
  let head: (center: Point, radius: Float)
  let strength: Float

  /// `nil` when the shoulders and hips coincide (no usable axis).
  init?(pose: BodyPose, strength: Float) {
    func mid(_ a: PoseLandmarkKind, _ b: PoseLandmarkKind) -> Point {
      Point(x: (pose[a].point.x + pose[b].point.x) / 2, y: (pose[a].point.y + pose[b].point.y) / 2)
    }
    let shoulders = mid(.leftShoulder, .rightShoulder), hips = mid(.leftHip, .rightHip)
    let dx = hips.x - shoulders.x, dy = hips.y - shoulders.y
    let torso = (dx * dx + dy * dy).squareRoot()
    guard torso > 2 else { return nil }
    let axis = Point(x: dx / torso, y: dy / torso)
    let normal = Point(x: -axis.y, y: axis.x)
    self.shoulders = shoulders
    self.axis = axis
    self.normal = normal
    self.torso = torso
    self.strength = min(max(strength, -Self.maximumStrength), Self.maximumStrength)
    // Knees hidden or out of the frame: the thighs are taken to continue the torso.
    let kneesSeen = min(pose[.leftKnee].visibility, pose[.rightKnee].visibility) > 0.3
    let knees = kneesSeen ? mid(.leftKnee, .rightKnee) : Point(x: hips.x + 0.9 * dx, y: hips.y + 0.9 * dy)
    let kneeAlong = max((knees.x - shoulders.x) * axis.x + (knees.y - shoulders.y) * axis.y, torso * 1.2)
    self.kneeAlong = kneeAlong
    let kneeAcross = (knees.x - shoulders.x) * normal.x + (knees.y - shoulders.y) * normal.y
    self.kneeAcross = kneeAcross
    let start = 0.05 * torso, end = kneeAlong + 0.3 * torso
    self.start = start
    self.end = end
    let ears = pose[.leftEar].point, rightEar = pose[.rightEar].point
    let earSpan = ((ears.x - rightEar.x) * (ears.x - rightEar.x) + (ears.y - rightEar.y) * (ears.y - rightEar.y))
      .squareRoot()
    head = (pose[.nose].point, max(earSpan, 0.35 * torso) * 1.1)
    (negativeWidths, positiveWidths) = Self.halfWidths(
      mask: pose.mask,
      shoulders: shoulders,
      axis: axis,
      normal: normal,
      torso: torso,
      start: start,
      end: end,
      centre: { along in Self.centre(along: along, torso: torso, kneeAlong: kneeAlong, kneeAcross: kneeAcross) },
      fallback: max(
        pose[.leftShoulder].point.distance(to: pose[.rightShoulder].point) / 2,
        pose[.leftHip].point.distance(to: pose[.rightHip].point)
      )
    )
  }

  /// The centre line's offset across the axis at `along`: 0 from the shoulders to the hips, then
  /// linearly towards the knees' midpoint.
  static func centre(along: Float, torso: Float, kneeAlong: Float, kneeAcross: Float) -> Float {
    guard along > torso, kneeAlong > torso else { return 0 }
    return kneeAcross * min(1, (along - torso) / (kneeAlong - torso))
  }

  /// The person's extent on each side of the centre line at each station: the distance to the
  /// first point where the mask drops below one half, smoothed along the axis. Where the mask
  /// gives nothing sensible (under 0.3 or over 3 × the landmarks' estimate) the estimate is used.
  private static func halfWidths(
    mask: PersonMask,
    shoulders: Point,
    axis: Point,
    normal: Point,
    torso: Float,
    start: Float,
    end: Float,
    centre: (Float) -> Float,
    fallback: Float
  ) -> ([Float], [Float]) {
    let step = torso / 64, limit = 3 * fallback
    func extent(along: Float, side: Float) -> Float {
      let offset = centre(along)
      var distance: Float = 0
      while distance < limit {
        let across = offset + side * distance
        let x = shoulders.x + axis.x * along + normal.x * across
        let y = shoulders.y + axis.y * along + normal.y * across
        if mask.probability(x: x, y: y) < 0.5 { break }
        distance += step
      }
      return distance < 0.3 * fallback || distance >= limit ? fallback : distance
    }
    var negative: [Float] = [], positive: [Float] = []
    for index in 0..<stations {
      let along = start + (end - start) * Float(index) / Float(stations - 1)
      negative.append(extent(along: along, side: -1))
      positive.append(extent(along: along, side: 1))
    }
    return (smoothed(negative), smoothed(positive))
  }

  /// Three passes of a 5-station box filter: the widths become a smooth profile, so the field has
  /// no kinks along the body.
  private static func smoothed(_ values: [Float]) -> [Float] {
    var values = values
    for _ in 0..<3 {
      values = values.indices.map { index in
        let window = values[max(0, index - 2)...min(values.count - 1, index + 2)]
        return window.reduce(0, +) / Float(window.count)
      }
    }
    return values
  }

  private func width(at along: Float, positive: Bool) -> Float {
    let widths = positive ? positiveWidths : negativeWidths
    let position = (along - start) / (end - start) * Float(Self.stations - 1)
    let clamped = min(max(position, 0), Float(Self.stations - 1))
    let lower = Int(clamped), upper = min(lower + 1, Self.stations - 1)
    let fraction = clamped - Float(lower)
    return widths[lower] * (1 - fraction) + widths[upper] * fraction
  }

  /// The strength's profile along the axis: in from just below the shoulders to the upper chest,
  /// full over the waist, hips and thighs, out below the knees.
  private func alongWeight(_ along: Float) -> Float {
    if along <= start || along >= end { return 0 }
    let fadeIn = smoothstep((along - start) / (0.4 * torso))
    let fadeOut = 1 - smoothstep((along - kneeAlong) / (end - kneeAlong))
    return min(fadeIn, fadeOut)
  }

  /// The displacement (source − output) at output point `p`.
  func displacement(x: Float, y: Float) -> Point {
    let relativeX = x - shoulders.x, relativeY = y - shoulders.y
    let along = relativeX * axis.x + relativeY * axis.y
    let weight = alongWeight(along)
    guard weight > 0 else { return Point(x: 0, y: 0) }
    let offset =
      relativeX * normal.x + relativeY * normal.y
      - Self.centre(along: along, torso: torso, kneeAlong: kneeAlong, kneeAcross: kneeAcross)
    let halfWidth = width(at: along, positive: offset >= 0)
    let r = abs(offset) / halfWidth
    guard r < Self.reach else { return Point(x: 0, y: 0) }
    let falloff = r <= 1 ? 1 : 1 - smoothstep((r - 1) / (Self.reach - 1))
    let shift = offset * strength * weight * falloff
    return Point(x: normal.x * shift, y: normal.y * shift)
  }

  /// 0 on this person's head (within `head.radius` of the nose), rising smoothly to 1 at 1.5 ×
  /// that: the factor every field is multiplied by, so no one's warp bends anyone's head.
  func headProtection(x: Float, y: Float) -> Float {
    smoothstep((Point(x: x, y: y).distance(to: head.center) / head.radius - 1) / 0.5)
  }

  /// The output pixels the field can move: the box around the body out to its reach.
  func bounds(width imageWidth: Int, height imageHeight: Int) -> (x: Range<Int>, y: Range<Int>) {
    let widest = (negativeWidths + positiveWidths).max() ?? 0
    let spread = widest * Self.reach + abs(kneeAcross)
    var corners: [Point] = []
    for along in [start, end] {
      for across in [-spread, spread] {
        corners.append(
          Point(
            x: shoulders.x + axis.x * along + normal.x * across,
            y: shoulders.y + axis.y * along + normal.y * across
          )
        )
      }
    }
    let minX = Int((corners.map(\.x).min() ?? 0).rounded(.down)) - 1
    let maxX = Int((corners.map(\.x).max() ?? 0).rounded(.up)) + 2
    let minY = Int((corners.map(\.y).min() ?? 0).rounded(.down)) - 1
    let maxY = Int((corners.map(\.y).max() ?? 0).rounded(.up)) + 2
    return (max(0, minX)..<min(imageWidth, max(0, maxX)), max(0, minY)..<min(imageHeight, max(0, maxY)))
  }
}

/// 0 below 0, 1 above 1, the cubic 3t² − 2t³ between: continuous with a continuous slope.
func smoothstep(_ t: Float) -> Float {
  let t = min(max(t, 0), 1)
  return t * t * (3 - 2 * t)
}
