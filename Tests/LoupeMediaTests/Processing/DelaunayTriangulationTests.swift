import LoupeMedia
import LoupeTestSupport
import Testing

@Suite(.offCooperativePool) struct DelaunayTriangulationTests {
  static func randomPoints(_ count: Int, seed: UInt64) -> [Point] {
    var generator = SplitMix64(seed: seed)
    return (0..<count).map { _ in
      Point(x: Float(500 * generator.nextUniform()), y: Float(400 * generator.nextUniform()))
    }
  }

  static func area(_ triangle: DelaunayTriangulation.Triangle, _ points: [Point]) -> Double {
    let a = points[triangle.a], b = points[triangle.b], c = points[triangle.c]
    return (Double(b.x - a.x) * Double(c.y - a.y) - Double(b.y - a.y) * Double(c.x - a.x)) / 2
  }

  /// Whether `point` is strictly inside the circumcircle of the positively oriented triangle
  /// (the classic in-circle determinant, relative to the tested point).
  static func inCircumcircle(_ point: Point, _ triangle: DelaunayTriangulation.Triangle, _ points: [Point]) -> Bool {
    let rows = [triangle.a, triangle.b, triangle.c].map { index in
      let dx = Double(points[index].x - point.x), dy = Double(points[index].y - point.y)
      return (dx, dy, dx * dx + dy * dy)
    }
    let (a, b, c) = (rows[0], rows[1], rows[2])
    let determinant =
      a.0 * (b.1 * c.2 - b.2 * c.1) - a.1 * (b.0 * c.2 - b.2 * c.0) + a.2 * (b.0 * c.1 - b.1 * c.0)
    return determinant > 1e-9 * max(1, a.2 * b.2 + b.2 * c.2 + c.2 * a.2)
  }

  @Test func randomPointsGiveADelaunayTriangulationOfTheirHull() {
    let points = Self.randomPoints(150, seed: 42)
    let triangulation = DelaunayTriangulation(points: points)
    let hull = Polygon.convexHull(of: points)
    // Euler: a triangulation of n points with h on the hull has 2n − 2 − h triangles.
    #expect(triangulation.triangles.count == 2 * points.count - 2 - hull.vertices.count)
    let total = triangulation.triangles.map { Self.area($0, points) }.reduce(0, +)
    #expect(abs(total - Double(hull.signedArea)) < 1e-3 * Double(hull.signedArea))
    #expect(triangulation.triangles.allSatisfy { Self.area($0, points) > 0 && $0.a < $0.b && $0.a < $0.c })
    var violations = 0
    for triangle in triangulation.triangles {
      for (index, point) in points.enumerated() where !triangle.indices.contains(index) {
        if Self.inCircumcircle(point, triangle, points) { violations += 1 }
      }
    }
    #expect(violations == 0)
    // The check itself finds a point inside a triangle's circumcircle.
    let first = triangulation.triangles[0]
    let centroid = Point(
      x: (points[first.a].x + points[first.b].x + points[first.c].x) / 3,
      y: (points[first.a].y + points[first.b].y + points[first.c].y) / 3
    )
    #expect(Self.inCircumcircle(centroid, first, points))
    #expect(DelaunayTriangulation(points: points) == triangulation)
  }

  @Test func duplicatesAreSkipped() {
    let points = Self.randomPoints(30, seed: 9)
    let withDuplicates = points + [points[3], Point(x: points[7].x + 1e-4, y: points[7].y)]
    let triangulation = DelaunayTriangulation(points: withDuplicates)
    #expect(triangulation.triangles == DelaunayTriangulation(points: points).triangles)
    #expect(!triangulation.triangles.contains { $0.indices.contains(30) || $0.indices.contains(31) })
  }

  @Test func gridWithCollinearAndCocircularPoints() {
    // A 5 × 5 grid: every cell's corners are cocircular and the hull has collinear points.
    let points = (0..<25).map { Point(x: Float($0 % 5) * 10, y: Float($0 / 5) * 10) }
    let triangulation = DelaunayTriangulation(points: points)
    #expect(triangulation.triangles.count == 32)
    #expect(triangulation.triangles.map { Self.area($0, points) }.reduce(0, +) == 1600)
    #expect(triangulation.triangles.allSatisfy { Self.area($0, points) == 50 })
  }

  @Test func degenerateSetsHaveNoTriangles() {
    #expect(DelaunayTriangulation(points: []).triangles.isEmpty)
    #expect(DelaunayTriangulation(points: [Point(x: 0, y: 0), Point(x: 1, y: 1)]).triangles.isEmpty)
    let line = (0..<10).map { Point(x: Float($0), y: 2 * Float($0) + 1) }
    #expect(DelaunayTriangulation(points: line).triangles.isEmpty)
    let withNaN = [Point(x: 0, y: 0), Point(x: 10, y: 0), Point(x: .nan, y: 3), Point(x: 0, y: 10)]
    #expect(DelaunayTriangulation(points: withNaN).triangles == [DelaunayTriangulation.Triangle(0, 1, 3)])
  }
}
