import Foundation
import LoupeMedia

/// Face shape from the geometry of the 106 landmarks — no model is trained for it, so this is a
/// deterministic measurement compared with the textbook description of each shape.
///
/// Four ratios are measured, all relative to the cheekbone width so they do not depend on scale:
/// - length: brow-to-chin distance × 1.5 (by the rule of facial thirds the forehead adds half
///   again; the hairline itself is not a landmark);
/// - jaw: the contour width at mouth level;
/// - forehead: the outer extent of the eyebrows along the eye axis;
/// - chin: the angle at the chin between the contour points beside the mouth corners' level.
/// Each shape is a prototype of those four values; a face's score for a shape is a Gaussian of
/// its normalised distance to the prototype, and the scores are normalised to sum to 1. The
/// oval prototype sits at the average of frontal test faces (length 1.38, jaw 0.74, forehead
/// 0.80, chin 132°); the others move from it the way the shapes are described (round and square:
/// short, wide jaw, blunt chin; oblong: long; heart: wide forehead, narrow jaw, pointed chin;
/// diamond: narrow forehead and jaw; triangle: narrow forehead, wide jaw).
public struct FaceShapeClassifier: Sendable {
  struct Measurements: Sendable, Equatable {
    var length: Float, jaw: Float, forehead: Float, chinAngle: Float

    static let spread = Measurements(length: 0.08, jaw: 0.03, forehead: 0.04, chinAngle: 8)

    func squaredDistance(to other: Measurements) -> Float {
      let s = Self.spread
      let terms = [
        (length - other.length) / s.length, (jaw - other.jaw) / s.jaw,
        (forehead - other.forehead) / s.forehead, (chinAngle - other.chinAngle) / s.chinAngle,
      ]
      return terms.reduce(0) { $0 + $1 * $1 }
    }
  }

  static let prototypes: [(shape: FaceShape, measurements: Measurements)] = [
    (.oval, Measurements(length: 1.40, jaw: 0.74, forehead: 0.80, chinAngle: 130)),
    (.oblong, Measurements(length: 1.58, jaw: 0.76, forehead: 0.80, chinAngle: 135)),
    (.round, Measurements(length: 1.20, jaw: 0.76, forehead: 0.78, chinAngle: 145)),
    (.square, Measurements(length: 1.24, jaw: 0.82, forehead: 0.80, chinAngle: 148)),
    (.heart, Measurements(length: 1.36, jaw: 0.67, forehead: 0.88, chinAngle: 115)),
    (.diamond, Measurements(length: 1.38, jaw: 0.67, forehead: 0.72, chinAngle: 118)),
    (.triangle, Measurements(length: 1.30, jaw: 0.82, forehead: 0.72, chinAngle: 140)),
  ]

  /// Contour levels (0 = temples, 15 = beside the chin): the jaw is measured at mouth level,
  /// the chin angle one level lower.
  static let jawLevel = 10
  static let chinLevel = 11

  public init() {}

  /// The probability of each shape, or `nil` when `landmarks` is not a 106-point face.
  public func probabilities(for landmarks: [Point]) -> [FaceShape: Float]? {
    guard let face = FaceLandmarks106(landmarks), let measured = measure(face) else { return nil }
    let distances = Self.prototypes.map { measured.squaredDistance(to: $0.measurements) }
    // Subtracting the nearest distance keeps the largest weight at 1, so faces far from every
    // prototype still get finite scores.
    let nearest = distances.min() ?? 0
    let weights = distances.map { exp(-0.5 * ($0 - nearest)) }
    let total = weights.reduce(0, +)
    return Dictionary(
      uniqueKeysWithValues: zip(Self.prototypes, weights).map { ($0.shape, $1 / total) }
    )
  }

  func measure(_ face: FaceLandmarks106) -> Measurements? {
    let cheekbones = face.cheekboneWidth
    guard cheekbones > 1 else { return nil }
    let points = face.points, chin = points[FaceLandmarks106.chin]
    let axis = face.horizontal
    func along(_ point: Point) -> Float { point.x * axis.x + point.y * axis.y }
    let browLeft = FaceLandmarks106.leftBrow.map { along(points[$0]) }.min() ?? 0
    let browRight = FaceLandmarks106.rightBrow.map { along(points[$0]) }.max() ?? 0
    let left = points[FaceLandmarks106.leftContour[Self.chinLevel]]
    let right = points[FaceLandmarks106.rightContour[Self.chinLevel]]
    let toLeft = Point(x: left.x - chin.x, y: left.y - chin.y),
      toRight = Point(x: right.x - chin.x, y: right.y - chin.y)
    let cosine =
      (toLeft.x * toRight.x + toLeft.y * toRight.y)
      / max(chin.distance(to: left) * chin.distance(to: right), 1e-6)
    return Measurements(
      length: face.browCenter.distance(to: chin) * 1.5 / cheekbones,
      jaw: face.contourWidth(at: Self.jawLevel) / cheekbones,
      forehead: (browRight - browLeft) / cheekbones,
      chinAngle: acos(min(1, max(-1, cosine))) * 180 / .pi
    )
  }
}
