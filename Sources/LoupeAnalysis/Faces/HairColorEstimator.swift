import LoupeMedia

/// Hair colour from pixels, without a model: the region above the forehead is sampled, skin- and
/// background-coloured pixels are dropped, each remaining pixel is classified in CIELab
/// (`HairColor.classify`), and the probabilities are the classes' shares.
///
/// - Region: in the face frame (x along the eyes, y down from the brow centre), |x| < 0.6 × the
///   cheekbone width and y between −0.85 and −0.2 × the brow–chin distance.
/// - Skin: pixels within ΔE 12 of the median colour of the cheeks (the contour band from
///   cheekbone to mouth level) are skin.
/// - Background: the medians of the image's left and right edge strips (rows level with the
///   region) and top strip (columns above it), each only when the region stays clear of that edge;
///   pixels within ΔE 10 of one are background, unless that would drop more than 85% of what is
///   left (then the "background" is the hair itself).
/// - Gradient (渐变色): only when the upper and lower thirds of the hair are each dominated
///   (≥ 60%) by a different colour and their mean colours differ by ΔE ≥ 30; its probability rises
///   linearly to 1 at ΔE 60 and the other shares are scaled to make room.
public struct HairColorEstimator: Sendable {
  static let skinTolerance: Float = 12
  static let backgroundTolerance: Float = 10
  static let edgeFraction: Float = 0.05

  public init() {}

  /// The probability of each colour, or `nil` when no hair pixel is visible (a bald head, or a
  /// face at the top edge of the image).
  public func probabilities(for landmarks: [Point], in image: PixelBuffer) -> [HairColor: Float]? {
    guard let face = FaceLandmarks106(landmarks), let skin = skinColor(of: face, in: image) else { return nil }
    var samples = region(of: face, in: image).filter { $0.lab.distance(to: skin) >= Self.skinTolerance }
    for background in backgroundColors(of: face, in: image) {
      let kept = samples.filter { $0.lab.distance(to: background) >= Self.backgroundTolerance }
      if Float(kept.count) >= 0.15 * Float(samples.count) { samples = kept }
    }
    guard !samples.isEmpty else { return nil }
    let classes = samples.map { HairColor.classify($0.lab) }
    var counts: [HairColor: Int] = [:]
    for color in classes { counts[color, default: 0] += 1 }
    var shares = Dictionary(
      uniqueKeysWithValues: HairColor.allCases.map { ($0, Float(counts[$0] ?? 0) / Float(classes.count)) }
    )
    let gradient = gradientStrength(samples: samples, classes: classes)
    guard gradient > 0 else { return shares }
    for color in HairColor.allCases { shares[color, default: 0] *= 1 - gradient }
    shares[.gradient] = gradient
    return shares
  }

  struct Sample {
    var lab: CIELabColor
    /// Height in the face frame (negative above the brows).
    var height: Float
  }

  func region(of face: FaceLandmarks106, in image: PixelBuffer) -> [Sample] {
    let axis = face.horizontal, down = Point(x: -axis.y, y: axis.x)
    let origin = face.browCenter
    let width = face.cheekboneWidth, length = origin.distance(to: face.points[FaceLandmarks106.chin])
    let halfWidth = 0.6 * width, top = -0.85 * length, bottom = -0.2 * length
    // The region's corners bound the pixels to visit.
    let corners = [(-halfWidth, top), (halfWidth, top), (-halfWidth, bottom), (halfWidth, bottom)].map { u, v in
      Point(x: origin.x + u * axis.x + v * down.x, y: origin.y + u * axis.y + v * down.y)
    }
    guard let xs = Self.pixelRange(Self.bounds(corners.map(\.x)), limit: image.width),
      let ys = Self.pixelRange(Self.bounds(corners.map(\.y)), limit: image.height)
    else { return [] }
    var samples: [Sample] = []
    for y in ys {
      for x in xs {
        let dx = Float(x) - origin.x, dy = Float(y) - origin.y
        let u = dx * axis.x + dy * axis.y, v = dx * down.x + dy * down.y
        guard abs(u) < halfWidth, v > top, v < bottom else { continue }
        let pixel = image[x, y]
        samples.append(
          Sample(lab: CIELabColor(red: Float(pixel.r), green: Float(pixel.g), blue: Float(pixel.b)), height: v)
        )
      }
    }
    return samples
  }

  /// The median colour of the cheek band: the quadrilateral between the contour points at
  /// cheekbone level and at mouth level.
  func skinColor(of face: FaceLandmarks106, in image: PixelBuffer) -> CIELabColor? {
    let corners = [
      face.points[FaceLandmarks106.leftContour[5]], face.points[FaceLandmarks106.rightContour[5]],
      face.points[FaceLandmarks106.rightContour[9]], face.points[FaceLandmarks106.leftContour[9]],
    ]
    guard let xs = Self.pixelRange(Self.bounds(corners.map(\.x)), limit: image.width),
      let ys = Self.pixelRange(Self.bounds(corners.map(\.y)), limit: image.height)
    else { return nil }
    var colors: [CIELabColor] = []
    for y in ys {
      for x in xs where Self.isInside(Point(x: Float(x), y: Float(y)), convex: corners) {
        let pixel = image[x, y]
        colors.append(CIELabColor(red: Float(pixel.r), green: Float(pixel.g), blue: Float(pixel.b)))
      }
    }
    return CIELabColor.median(of: colors)
  }

  /// Medians of the image edges next to the hair region: left and right strips over the
  /// region's rows, the top strip over its columns. An edge closer to the region than a quarter
  /// of the brow–chin distance is skipped: hair that reaches the edge would be taken for it.
  func backgroundColors(of face: FaceLandmarks106, in image: PixelBuffer) -> [CIELabColor] {
    let origin = face.browCenter, length = origin.distance(to: face.points[FaceLandmarks106.chin])
    let halfWidth = 0.6 * face.cheekboneWidth, margin = 0.25 * length
    let strip = Float(max(1, Int(Float(min(image.width, image.height)) * Self.edgeFraction)))
    let right = Float(image.width), rows = (origin.y - 0.85 * length, origin.y)
    let columns = (origin.x - halfWidth, origin.x + halfWidth)
    let candidates = [
      (xs: (Float(0), strip), ys: rows, gap: columns.0 - strip),
      (xs: (right - strip, right), ys: rows, gap: right - strip - columns.1),
      (xs: columns, ys: (Float(0), strip), gap: rows.0 - strip),
    ]
    let areas = candidates.filter { $0.gap >= margin }
    return areas.compactMap { area in
      guard let xs = Self.pixelRange(area.xs, limit: image.width),
        let ys = Self.pixelRange(area.ys, limit: image.height)
      else { return nil }
      var colors: [CIELabColor] = []
      for y in ys {
        for x in xs {
          let pixel = image[x, y]
          colors.append(CIELabColor(red: Float(pixel.r), green: Float(pixel.g), blue: Float(pixel.b)))
        }
      }
      return CIELabColor.median(of: colors)
    }
  }

  /// The whole pixels from `bounds.0` up to `bounds.1` that lie in `0..<limit`, if any.
  static func pixelRange(_ bounds: (Float, Float), limit: Int) -> ClosedRange<Int>? {
    guard bounds.0.isFinite, bounds.1.isFinite else { return nil }
    let clamp = { (value: Float) in min(max(value, 0), Float(limit)) }
    let low = Int(clamp(bounds.0).rounded(.down)), high = Int(clamp(bounds.1).rounded(.up)) - 1
    return low <= high ? low...high : nil
  }

  func gradientStrength(samples: [Sample], classes: [HairColor]) -> Float {
    let heights = samples.map(\.height).sorted()
    guard heights.count >= 30 else { return 0 }
    let upperLimit = heights[heights.count / 3], lowerLimit = heights[2 * heights.count / 3]
    let upper = samples.indices.filter { samples[$0].height <= upperLimit }
    let lower = samples.indices.filter { samples[$0].height >= lowerLimit }
    func dominant(_ indices: [Int]) -> (color: HairColor, share: Float)? {
      var counts: [HairColor: Int] = [:]
      for index in indices { counts[classes[index], default: 0] += 1 }
      guard let top = counts.max(by: { $0.value < $1.value }) else { return nil }
      return (top.key, Float(top.value) / Float(indices.count))
    }
    guard let upperColor = dominant(upper), let lowerColor = dominant(lower),
      upperColor.color != lowerColor.color, upperColor.share >= 0.6, lowerColor.share >= 0.6,
      let upperMean = CIELabColor.mean(of: upper.map { samples[$0].lab }),
      let lowerMean = CIELabColor.mean(of: lower.map { samples[$0].lab })
    else { return 0 }
    return min(1, max(0, (upperMean.distance(to: lowerMean) - 30) / 30))
  }

  static func bounds(_ values: [Float]) -> (Float, Float) {
    (values.min() ?? 0, values.max() ?? 0)
  }

  static func isInside(_ point: Point, convex polygon: [Point]) -> Bool {
    var sign: Float = 0
    for index in polygon.indices {
      let a = polygon[index], b = polygon[(index + 1) % polygon.count]
      let cross = (b.x - a.x) * (point.y - a.y) - (b.y - a.y) * (point.x - a.x)
      if cross != 0 {
        if sign == 0 { sign = cross } else if (sign > 0) != (cross > 0) { return false }
      }
    }
    return true
  }
}
