import LoupeMedia

/// A rectangle at any angle: centre, the unit direction of its first side, and its side lengths.
/// `minimumArea(enclosing:)` is OpenCV's `minAreaRect`, which DB post-processing is defined by.
struct RotatedRectangle: Equatable {
  var center: Point
  /// Unit vector along the side of length `length`; the other side is perpendicular.
  var axis: Point
  var length: Float
  var breadth: Float

  var shortSide: Float { min(length, breadth) }
  var area: Float { length * breadth }

  /// The same rectangle grown by `distance` on every side.
  func grown(by distance: Float) -> RotatedRectangle {
    RotatedRectangle(center: center, axis: axis, length: length + 2 * distance, breadth: breadth + 2 * distance)
  }

  /// The four corners, top-left first and clockwise, in the sense rapidocr orders them: the two
  /// leftmost corners are the left side (upper one first), the two rightmost the right side.
  var orderedCorners: [Point] {
    let u = Point(x: axis.x * length / 2, y: axis.y * length / 2)
    let v = Point(x: -axis.y * breadth / 2, y: axis.x * breadth / 2)
    let corners = [(-1, -1), (1, -1), (1, 1), (-1, 1)].map { (a: Float, b: Float) in
      Point(x: center.x + a * u.x + b * v.x, y: center.y + a * u.y + b * v.y)
    }
    let byX = corners.sorted { ($0.x, $0.y) < ($1.x, $1.y) }
    let left = byX[0..<2].sorted { $0.y < $1.y }, right = byX[2..<4].sorted { $0.y < $1.y }
    return [left[0], right[0], right[1], left[1]]
  }

  /// The smallest rectangle holding every point (rotating calipers over the convex hull).
  /// A single point or a segment gives a rectangle with a zero side.
  static func minimumArea(enclosing points: [Point]) -> RotatedRectangle? {
    let hull = convexHull(points)
    guard let first = hull.first else { return nil }
    guard hull.count > 1 else { return RotatedRectangle(center: first, axis: Point(x: 1, y: 0), length: 0, breadth: 0) }
    var best: RotatedRectangle?
    for index in hull.indices {
      let a = hull[index], b = hull[(index + 1) % hull.count]
      let edge = a.distance(to: b)
      guard edge > 0 else { continue }
      let axis = Point(x: (b.x - a.x) / edge, y: (b.y - a.y) / edge)
      var minU = Float.infinity, maxU = -Float.infinity, minV = Float.infinity, maxV = -Float.infinity
      for p in hull {
        let u = (p.x - a.x) * axis.x + (p.y - a.y) * axis.y
        let v = -(p.x - a.x) * axis.y + (p.y - a.y) * axis.x
        minU = min(minU, u)
        maxU = max(maxU, u)
        minV = min(minV, v)
        maxV = max(maxV, v)
      }
      let area = (maxU - minU) * (maxV - minV)
      if let best, best.area <= area { continue }
      let midU = (minU + maxU) / 2, midV = (minV + maxV) / 2
      best = RotatedRectangle(
        center: Point(x: a.x + midU * axis.x - midV * axis.y, y: a.y + midU * axis.y + midV * axis.x),
        axis: axis,
        length: maxU - minU,
        breadth: maxV - minV
      )
    }
    return best
  }

  /// Andrew's monotone chain; collinear points are dropped.
  static func convexHull(_ points: [Point]) -> [Point] {
    let sorted = Set(points).sorted { ($0.x, $0.y) < ($1.x, $1.y) }
    guard sorted.count > 2 else { return sorted }
    func cross(_ o: Point, _ a: Point, _ b: Point) -> Float {
      (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x)
    }
    var lower: [Point] = [], upper: [Point] = []
    for p in sorted {
      while lower.count >= 2, cross(lower[lower.count - 2], lower[lower.count - 1], p) <= 0 { lower.removeLast() }
      lower.append(p)
    }
    for p in sorted.reversed() {
      while upper.count >= 2, cross(upper[upper.count - 2], upper[upper.count - 1], p) <= 0 { upper.removeLast() }
      upper.append(p)
    }
    return Array(lower.dropLast() + upper.dropLast())
  }
}
