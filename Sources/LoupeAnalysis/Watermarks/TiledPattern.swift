import LoupeMedia
import LoupeVision

/// The copies of a tiled watermark that the text detector missed, found from the ones it read:
/// when at least `minimumCopies` marks share a shade, a size and an opacity, their centres are
/// taken as points of one lattice (its two shortest independent steps), and every lattice point
/// next to a known copy is tried: the first copy's line rectangle, moved there, goes through
/// `OverlayAnalysis`, and a mark of the same shade, about the same opacity and a fair share of
/// the strokes counts as a copy, whose neighbours are then tried in turn. Steps are taken from
/// the nearest copy, so an error in a step never adds up across the photo.
enum TiledPattern {
  static let minimumCopies = 3
  /// Copies differ in line length and thickness by at most this share of the group's median.
  static let sizeTolerance: Float = 0.25
  /// A found copy's opacity is within this of the group's median.
  static let opacityTolerance: Float = 0.15
  /// A found copy has at least this share of the group's median stroke count (copies cut by
  /// the photo's edge have fewer).
  static let minimumStrokeShare: Float = 0.25
  /// At most this many lattice points are analysed in one photo.
  static let maximumTrials = 400

  static func missedCopies(of marks: [OverlayMark], in image: FloatImage) -> [OverlayMark] {
    guard let group = largestGroup(marks), group.count >= minimumCopies else { return [] }
    let centres = group.map { centre(of: $0.region) }
    guard let (first, second) = steps(between: centres) else { return [] }
    let template = group.max { $0.strokes.count < $1.strokes.count }!
    let templateCentre = centre(of: template.region)
    let opacity = median(group.map(\.opacity))
    let strokes = median(group.map { Float($0.strokes.count) })
    let spacing = min(length(first), second.map(length) ?? .infinity)
    let reach = max(template.region.size.width, template.region.size.height) / 2
    var known = centres
    var queue = centres
    var found: [OverlayMark] = []
    var trials = 0
    let moves = [first, Point(x: -first.x, y: -first.y)] + (second.map { [$0, Point(x: -$0.x, y: -$0.y)] } ?? [])
    while let origin = queue.popLast(), trials < maximumTrials {
      for move in moves {
        let point = Point(x: origin.x + move.x, y: origin.y + move.y)
        guard point.x > -reach, point.y > -reach, point.x < Float(image.width) + reach,
          point.y < Float(image.height) + reach
        else { continue }
        guard !known.contains(where: { distance($0, point) < 0.35 * spacing }) else { continue }
        known.append(point)
        trials += 1
        let shift = Point(x: point.x - templateCentre.x, y: point.y - templateCentre.y)
        let region = TextRegion(
          corners: template.region.corners.map { Point(x: $0.x + shift.x, y: $0.y + shift.y) },
          score: template.region.score
        )
        guard let mark = OverlayAnalysis.mark(in: image, region: region), mark.shade == template.shade,
          abs(mark.opacity - opacity) <= opacityTolerance,
          Float(mark.strokes.count) >= minimumStrokeShare * strokes
        else { continue }
        found.append(mark)
        queue.append(point)
      }
    }
    return found
  }

  /// The largest set of marks with one shade whose sizes and opacities are within the
  /// tolerances of that set's medians.
  static func largestGroup(_ marks: [OverlayMark]) -> [OverlayMark]? {
    var best: [OverlayMark]?
    for candidate in marks {
      let size = candidate.region.size
      let group = marks.filter { mark in
        mark.shade == candidate.shade && abs(mark.opacity - candidate.opacity) <= opacityTolerance
          && abs(mark.region.size.width - size.width) <= sizeTolerance * size.width
          && abs(mark.region.size.height - size.height) <= sizeTolerance * size.height
      }
      if group.count > best?.count ?? 0 { best = group }
    }
    return best
  }

  /// The shortest step between two centres, and the shortest one at least 30° away from it
  /// (none when every centre lies on one line).
  static func steps(between centres: [Point]) -> (Point, Point?)? {
    var differences: [Point] = []
    for i in centres.indices {
      for j in centres.indices where j > i {
        differences.append(Point(x: centres[j].x - centres[i].x, y: centres[j].y - centres[i].y))
      }
    }
    let sorted = differences.filter { length($0) > 1 }.sorted { length($0) < length($1) }
    guard let first = sorted.first else { return nil }
    let second = sorted.first { step in
      abs(first.x * step.y - first.y * step.x) > 0.5 * length(first) * length(step)
    }
    return (first, second)
  }

  static func centre(of region: TextRegion) -> Point {
    Point(
      x: region.corners.map(\.x).reduce(0, +) / Float(region.corners.count),
      y: region.corners.map(\.y).reduce(0, +) / Float(region.corners.count)
    )
  }

  static func length(_ point: Point) -> Float { (point.x * point.x + point.y * point.y).squareRoot() }

  static func distance(_ a: Point, _ b: Point) -> Float { length(Point(x: a.x - b.x, y: a.y - b.y)) }

  static func median(_ values: [Float]) -> Float {
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
  }
}
