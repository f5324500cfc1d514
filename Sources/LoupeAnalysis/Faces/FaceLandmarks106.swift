import LoupeMedia

/// Named parts of InsightFace's 106-point layout (see `FaceLandmarker106`), and a face frame
/// aligned with the eyes so measurements do not depend on head roll.
struct FaceLandmarks106: Sendable {
  static let count = 106
  /// Contour chains from the temple (eye level) down to beside the chin; index 0 is the chin.
  static let leftContour = [1] + Array(9...16) + Array(2...8)
  static let rightContour = [17] + Array(25...32) + Array(18...24)
  static let chin = 0
  static let leftEye = 33...42
  static let rightEye = 87...96
  static let leftBrow = 43...51
  static let rightBrow = 97...105

  let points: [Point]

  init?(_ points: [Point]) {
    guard points.count == Self.count else { return nil }
    self.points = points
  }

  func centroid(_ indices: some Sequence<Int>) -> Point {
    var x: Float = 0, y: Float = 0, count: Float = 0
    for index in indices {
      x += points[index].x
      y += points[index].y
      count += 1
    }
    return Point(x: x / count, y: y / count)
  }

  /// The distance across the face between the two contour points at `level` (0 = temples).
  func contourWidth(at level: Int) -> Float {
    points[Self.leftContour[level]].distance(to: points[Self.rightContour[level]])
  }

  /// The widest contour span in the upper half of the face: the cheekbones.
  var cheekboneWidth: Float { (0..<8).map(contourWidth(at:)).max() ?? 0 }

  var browCenter: Point {
    let left = centroid(Self.leftBrow), right = centroid(Self.rightBrow)
    return Point(x: (left.x + right.x) / 2, y: (left.y + right.y) / 2)
  }

  /// Unit vector from the left eye to the right eye (the face's horizontal axis).
  var horizontal: Point {
    let left = centroid(Self.leftEye), right = centroid(Self.rightEye)
    let length = max(left.distance(to: right), 1e-6)
    return Point(x: (right.x - left.x) / length, y: (right.y - left.y) / length)
  }
}

extension Point {
  func distance(to other: Point) -> Float {
    let dx = x - other.x, dy = y - other.y
    return (dx * dx + dy * dy).squareRoot()
  }
}
