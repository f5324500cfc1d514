/// A 2-D affine map `(x, y) ↦ (a·x + b·y + tx, c·x + d·y + ty)`.
public struct AffineTransform: Sendable, Equatable {
  public var a: Float, b: Float, tx: Float
  public var c: Float, d: Float, ty: Float

  public init(a: Float, b: Float, tx: Float, c: Float, d: Float, ty: Float) {
    (self.a, self.b, self.tx) = (a, b, tx)
    (self.c, self.d, self.ty) = (c, d, ty)
  }

  public static let identity = AffineTransform(a: 1, b: 0, tx: 0, c: 0, d: 1, ty: 0)

  public func apply(to point: Point) -> Point {
    Point(x: a * point.x + b * point.y + tx, y: c * point.x + d * point.y + ty)
  }

  /// The inverse map, or `nil` when the transform collapses the plane.
  public var inverted: AffineTransform? {
    let determinant = a * d - b * c
    guard abs(determinant) > 1e-12 else { return nil }
    let ia = d / determinant, ib = -b / determinant
    let ic = -c / determinant, id = a / determinant
    return AffineTransform(a: ia, b: ib, tx: -(ia * tx + ib * ty), c: ic, d: id, ty: -(ic * tx + id * ty))
  }

  /// The least-squares similarity (rotation, uniform scale, translation) taking `source` points
  /// onto `destination` points (Umeyama 1991, without reflection).
  public static func similarity(from source: [Point], to destination: [Point]) -> AffineTransform? {
    guard source.count == destination.count, source.count >= 2 else { return nil }
    let n = Double(source.count)
    let sourceMean = mean(source), destinationMean = mean(destination)
    // With centred points, the optimal rotation·scale is [[p, -q], [q, p]] where
    // p = Σ(sx·dx + sy·dy) / Σ|s|², q = Σ(sx·dy − sy·dx) / Σ|s|².
    var dot = 0.0, cross = 0.0, sourceVariance = 0.0
    for (s, t) in zip(source, destination) {
      let sx = Double(s.x) - sourceMean.x, sy = Double(s.y) - sourceMean.y
      let dx = Double(t.x) - destinationMean.x, dy = Double(t.y) - destinationMean.y
      dot += sx * dx + sy * dy
      cross += sx * dy - sy * dx
      sourceVariance += sx * sx + sy * sy
    }
    guard sourceVariance / n > 1e-12 else { return nil }
    let p = dot / sourceVariance, q = cross / sourceVariance
    let tx = destinationMean.x - (p * sourceMean.x - q * sourceMean.y)
    let ty = destinationMean.y - (q * sourceMean.x + p * sourceMean.y)
    return AffineTransform(a: Float(p), b: Float(-q), tx: Float(tx), c: Float(q), d: Float(p), ty: Float(ty))
  }

  private static func mean(_ points: [Point]) -> (x: Double, y: Double) {
    let count = Double(points.count)
    return (
      points.reduce(0) { $0 + Double($1.x) } / count,
      points.reduce(0) { $0 + Double($1.y) } / count
    )
  }
}
