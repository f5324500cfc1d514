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
///   region) and top strip (columns above it); pixels within ΔE 10 of one are background, unless
///   that would drop more than 85% of what is left (then the "background" is the hair itself).
/// - Gradient (渐变色): only when the upper and lower thirds of the hair are each dominated
///   (≥ 60%) by a different colour and their mean colours differ by ΔE ≥ 30; its probability rises
///   linearly to 1 at ΔE 60 and the other shares are scaled to make room.
public struct HairColorEstimator: Sendable {
  static let skinTolerance: Float = 12
  static let backgroundTolerance: Float = 10
  static let edgeFraction = 0.05

  public init() {}

  /// The probability of each colour, or `nil` when no hair pixel is visible (bald, hat of skin
  /// colour, face at the image top).
  public func probabilities(for landmarks: [Point], in image: PixelBuffer) -> [HairColor: Float]? {
    guard let face = FaceLandmarks106(landmarks), let skin = skinColor(of: face, in: image) else { return nil }
    var samples = region(of: face, in: image).filter { $0.lab.distance(to: skin) >= Self.skinTolerance }
    for background in backgroundColors(of: face, in: image) {
      let kept = samples.filter { $0.lab.distance(to: background) >= Self.backgroundTolerance }
      if Float(kept.count) >= 0.15 * Float(samples.count) { samples = kept }
    }
    guard !samples.isEmpty else { return nil }
    let classes = samples.map { HairColor.classify($0.lab) }
    var shares = Dictionary(uniqueKeysWithValues: HairColor.allCases.map { ($0, Float(0)) })
    for color in classes { shares[color, default: 0] += 1 / Float(classes.count) }
    let gradient = gradientStrength(samples: samples, classes: classes)
    guard gradient > 0 else { return shares }
    for color in HairColor.allCases { shares[color, default: 0] *= 1 - gradient }
    shares[.gradient] = gradient
    return shares
  }

  struct Sample {
    var lab: LabColor
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
      (x: origin.x + u * axis.x + v * down.x, y: origin.y + u * axis.y + v * down.y)
    }
    let minX = max(0, Int(corners.map(\.x).min() ?? 0)), maxX = min(image.width - 1, Int(corners.map(\.x).max() ?? 0))
    let minY = max(0, Int(corners.map(\.y).min() ?? 0)), maxY = min(image.height - 1, Int(corners.map(\.y).max() ?? 0))
    guard minX <= maxX, minY <= maxY else { return [] }
    var samples: [Sample] = []
    for y in minY...maxY {
      for x in minX...maxX {
        let dx = Float(x) - origin.x, dy = Float(y) - origin.y
        let u = dx * axis.x + dy * axis.y, v = dx * down.x + dy * down.y
        guard abs(u) < halfWidth, v > top, v < bottom else { continue }
        let pixel = image[x, y]
        samples.append(Sample(lab: LabColor(red: pixel.r, green: pixel.g, blue: pixel.b), height: v))
      }
    }
    return samples
  }

  /// The median colour of the cheek band: the quadrilateral between the contour points at
  /// cheekbone level and at mouth level.
  func skinColor(of face: FaceLandmarks106, in image: PixelBuffer) -> LabColor? {
    let corners = [
      face.points[FaceLandmarks106.leftContour[5]], face.points[FaceLandmarks106.rightContour[5]],
      face.points[FaceLandmarks106.rightContour[9]], face.points[FaceLandmarks106.leftContour[9]],
    ]
    let minX = max(0, Int(corners.map(\.x).min() ?? 0)), maxX = min(image.width - 1, Int(corners.map(\.x).max() ?? 0))
    let minY = max(0, Int(corners.map(\.y).min() ?? 0)), maxY = min(image.height - 1, Int(corners.map(\.y).max() ?? 0))
    guard minX <= maxX, minY <= maxY else { return nil }
    var colors: [LabColor] = []
    for y in minY...maxY {
      for x in minX...maxX where Self.isInside(Point(x: Float(x), y: Float(y)), convex: corners) {
        let pixel = image[x, y]
        colors.append(LabColor(red: pixel.r, green: pixel.g, blue: pixel.b))
      }
    }
    return LabColor.median(of: colors)
  }

  /// Medians of the image edges next to the hair region: left and right strips over the
  /// region's rows, the top strip over its columns.
  func backgroundColors(of face: FaceLandmarks106, in image: PixelBuffer) -> [LabColor] {
    let origin = face.browCenter, length = origin.distance(to: face.points[FaceLandmarks106.chin])
    let rows = max(0, Int(origin.y - 0.85 * length))...max(0, min(image.height - 1, Int(origin.y)))
    let halfWidth = Int(0.6 * face.cheekboneWidth)
    let columns = max(0, Int(origin.x) - halfWidth)...max(0, min(image.width - 1, Int(origin.x) + halfWidth))
    let strip = max(1, Int(Double(min(image.width, image.height)) * Self.edgeFraction))
    func median(xs: ClosedRange<Int>, ys: ClosedRange<Int>) -> LabColor? {
      guard xs.lowerBound <= xs.upperBound, ys.lowerBound <= ys.upperBound, ys.lowerBound < image.height else {
        return nil
      }
      var colors: [LabColor] = []
      for y in ys.clamped(to: 0...(image.height - 1)) {
        for x in xs.clamped(to: 0...(image.width - 1)) {
          let pixel = image[x, y]
          colors.append(LabColor(red: pixel.r, green: pixel.g, blue: pixel.b))
        }
      }
      return LabColor.median(of: colors)
    }
    return [
      median(xs: 0...(strip - 1), ys: rows),
      median(xs: (image.width - strip)...(image.width - 1), ys: rows),
      median(xs: columns, ys: 0...(strip - 1)),
    ].compactMap { $0 }
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
      let upperMean = LabColor.mean(of: upper.map { samples[$0].lab }),
      let lowerMean = LabColor.mean(of: lower.map { samples[$0].lab })
    else { return 0 }
    return min(1, max(0, (upperMean.distance(to: lowerMean) - 30) / 30))
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
