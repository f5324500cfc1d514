/// A closed polygon in image coordinates (the last vertex joins the first).
public struct Polygon: Sendable, Equatable {
  public var vertices: [Point]

  public init(_ vertices: [Point]) {
    self.vertices = vertices
  }

  /// The smallest convex polygon holding every point (Andrew's monotone chain, 1979): its
  /// corners from the leftmost point on, every turn with a positive cross product (clockwise on
  /// screen, where y points down), without repeated or collinear vertices. Fewer than three
  /// distinct points give those points; non-finite points are ignored.
  public static func convexHull(of points: some Sequence<Point>) -> Polygon {
    let sorted = Set(points.filter { $0.x.isFinite && $0.y.isFinite })
      .sorted { $0.x != $1.x ? $0.x < $1.x : $0.y < $1.y }
    guard sorted.count >= 3 else { return Polygon(sorted) }
    func chain(_ points: some Sequence<Point>) -> [Point] {
      var chain: [Point] = []
      for point in points {
        while chain.count >= 2, cross(chain[chain.count - 2], chain[chain.count - 1], point) <= 0 {
          chain.removeLast()
        }
        chain.append(point)
      }
      return chain
    }
    // Each chain ends where the other begins.
    let hull = chain(sorted).dropLast() + chain(sorted.reversed()).dropLast()
    return Polygon(Array(hull))
  }

  /// Twice the signed area of the triangle `a, b, c`: positive when `a → b → c` turns
  /// clockwise on screen (y down).
  static func cross(_ a: Point, _ b: Point, _ c: Point) -> Double {
    (Double(b.x) - Double(a.x)) * (Double(c.y) - Double(a.y)) - (Double(b.y) - Double(a.y))
      * (Double(c.x) - Double(a.x))
  }

  /// The enclosed area (shoelace formula), positive for clockwise-on-screen vertex order.
  public var signedArea: Float {
    guard vertices.count >= 3 else { return 0 }
    var twice = 0.0
    for (index, a) in vertices.enumerated() {
      let b = vertices[(index + 1) % vertices.count]
      twice += Double(a.x) * Double(b.y) - Double(b.x) * Double(a.y)
    }
    return Float(twice / 2)
  }
}
