/// The Delaunay triangulation of a point set: no point lies strictly inside any triangle's
/// circumcircle, which avoids the slivers that would smear a warp.
///
/// Built by Bowyer–Watson insertion (Bowyer 1981, Watson 1981) in the points' order inside a
/// super-triangle 10⁴ times the points' extent, in double precision, O(n²) — a face's hundred or
/// so landmarks and boundary points take well under a millisecond. Deterministic: the same
/// points always give the same triangles, in sorted order.
///
/// Degenerate input does not break it: non-finite points and points within 10⁻³ px of an
/// earlier one are skipped (they appear in no triangle), collinear points on the hull leave no
/// flat triangles, and a set with fewer than three usable points or all of them on one line has
/// no triangles.
public struct DelaunayTriangulation: Sendable, Equatable {
  /// Indices into `points`, ordered so `a → b → c` turns clockwise on screen (positive cross
  /// product in image coordinates, y down) and `a` is the smallest.
  public struct Triangle: Sendable, Hashable, Comparable {
    public var a: Int
    public var b: Int
    public var c: Int

    public init(_ a: Int, _ b: Int, _ c: Int) {
      self.a = a
      self.b = b
      self.c = c
    }

    public var indices: [Int] { [a, b, c] }

    public static func < (lhs: Triangle, rhs: Triangle) -> Bool {
      (lhs.a, lhs.b, lhs.c) < (rhs.a, rhs.b, rhs.c)
    }
  }

  public let points: [Point]
  public let triangles: [Triangle]

  static let duplicateDistance = 1e-3

  public init(points: [Point]) {
    self.points = points
    triangles = Self.triangulate(points.map { (Double($0.x), Double($0.y)) })
  }

  private struct Cell {
    var vertices: (Int, Int, Int)
    var centre: (x: Double, y: Double)
    var radiusSquared: Double
  }

  private static func triangulate(_ input: [(x: Double, y: Double)]) -> [Triangle] {
    var usable: [Int] = []
    for (index, point) in input.enumerated() where point.x.isFinite && point.y.isFinite {
      let isDuplicate = usable.contains { other in
        let dx = input[other].x - point.x, dy = input[other].y - point.y
        return dx * dx + dy * dy < duplicateDistance * duplicateDistance
      }
      if !isDuplicate { usable.append(index) }
    }
    guard usable.count >= 3 else { return [] }

    let xs = usable.map { input[$0].x }, ys = usable.map { input[$0].y }
    let minX = xs.min()!, maxX = xs.max()!, minY = ys.min()!, maxY = ys.max()!
    let extent = max(maxX - minX, maxY - minY, 1) * 1e4
    let centreX = (minX + maxX) / 2, centreY = (minY + maxY) / 2
    // The super-triangle's corners follow the input points, at indices n, n + 1, n + 2.
    var points = input
    let superStart = input.count
    points.append((centreX, centreY - 2 * extent))
    points.append((centreX + 1.8 * extent, centreY + extent))
    points.append((centreX - 1.8 * extent, centreY + extent))

    func cross(_ a: Int, _ b: Int, _ c: Int) -> Double {
      let pa = points[a], pb = points[b], pc = points[c]
      return (pb.x - pa.x) * (pc.y - pa.y) - (pb.y - pa.y) * (pc.x - pa.x)
    }
    func cell(_ a: Int, _ b: Int, _ c: Int) -> Cell {
      let origin = points[a]
      let bx = points[b].x - origin.x, by = points[b].y - origin.y
      let cx = points[c].x - origin.x, cy = points[c].y - origin.y
      let d = 2 * (bx * cy - by * cx)
      let bb = bx * bx + by * by, cc = cx * cx + cy * cy
      let ux = (cy * bb - by * cc) / d, uy = (bx * cc - cx * bb) / d
      return Cell(vertices: (a, b, c), centre: (origin.x + ux, origin.y + uy), radiusSquared: ux * ux + uy * uy)
    }

    var cells = [cell(superStart, superStart + 1, superStart + 2)]
    for index in usable {
      let point = points[index]
      var isBad = cells.map { cell in
        let (a, b, c) = cell.vertices
        let dx = point.x - cell.centre.x, dy = point.y - cell.centre.y
        // A triangle holding the point (edges included) is always replaced, whatever rounding
        // says about its circumcircle, so a point on an edge splits both neighbours.
        return dx * dx + dy * dy < cell.radiusSquared
          || (cross(a, b, index) >= 0 && cross(b, c, index) >= 0 && cross(c, a, index) >= 0)
      }
      // The cavity must be star-shaped from the point: in exact arithmetic it is; with rounding
      // near cocircular points, drop the triangles behind any boundary edge the point cannot see.
      var boundary: [(Int, Int)] = []
      while true {
        boundary = Self.boundaryEdges(of: cells, isBad: isBad)
        guard let hidden = boundary.firstIndex(where: { cross($0.0, $0.1, index) <= 0 }) else { break }
        let edge = boundary[hidden]
        let owner = cells.indices.first { isBad[$0] && Self.edges(of: cells[$0]).contains { $0 == edge } }!
        isBad[owner] = false
      }
      let holdsPoint = cells.indices.contains { slot in
        let (a, b, c) = cells[slot].vertices
        return isBad[slot] && cross(a, b, index) >= 0 && cross(b, c, index) >= 0 && cross(c, a, index) >= 0
      }
      guard holdsPoint else { continue }
      cells = cells.indices.filter { !isBad[$0] }.map { cells[$0] } + boundary.map { cell($0.0, $0.1, index) }
    }

    return cells.compactMap { cell -> Triangle? in
      let (a, b, c) = cell.vertices
      guard a < superStart, b < superStart, c < superStart else { return nil }
      // Rotate (keeping the orientation) so the smallest index comes first.
      let smallest = min(a, b, c)
      return smallest == a ? Triangle(a, b, c) : smallest == b ? Triangle(b, c, a) : Triangle(c, a, b)
    }.sorted()
  }

  private static func edges(of cell: Cell) -> [(Int, Int)] {
    let (a, b, c) = cell.vertices
    return [(a, b), (b, c), (c, a)]
  }

  /// The edges of the bad triangles that no other bad triangle shares, oriented as in their
  /// triangle (so the cavity lies on their positive side).
  private static func boundaryEdges(of cells: [Cell], isBad: [Bool]) -> [(Int, Int)] {
    var directed: [(Int, Int)] = []
    var seen = Set<Int64>()
    for (slot, cell) in cells.enumerated() where isBad[slot] {
      for edge in edges(of: cell) {
        directed.append(edge)
        seen.insert(Int64(edge.0) << 32 | Int64(edge.1))
      }
    }
    // A shared edge appears once in each direction.
    return directed.filter { !seen.contains(Int64($0.1) << 32 | Int64($0.0)) }
  }
}
