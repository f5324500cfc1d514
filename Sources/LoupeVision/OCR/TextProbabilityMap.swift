import LoupeMedia

/// The detector's per-pixel text probability at its input size, and DB post-processing: binarise,
/// dilate, take each connected region's minimum-area rectangle, score it by the mean probability
/// inside, grow it by the unclip distance, and map it back to image pixels (PaddleOCR's
/// `DBPostProcess` with `score_mode: fast`, as rapidocr 3.10 runs it).
struct TextProbabilityMap {
  let width: Int
  let height: Int
  let values: [Float]

  /// Regions smaller than this (short side, map pixels) are noise.
  static let minimumSide: Float = 3

  func regions(options: TextDetectorOptions, imageWidth: Int, imageHeight: Int) -> [TextRegion] {
    let mask = dilatedMask(threshold: options.binarizeThreshold)
    let scaleX = Float(imageWidth) / Float(width), scaleY = Float(imageHeight) / Float(height)
    var regions: [TextRegion] = []
    for outline in components(of: mask).prefix(options.maxCandidates) {
      guard let core = RotatedRectangle.minimumArea(enclosing: outline), core.shortSide >= Self.minimumSide else {
        continue
      }
      let score = meanProbability(inside: core.orderedCorners)
      guard score >= options.boxThreshold else { continue }
      let perimeter = 2 * (core.length + core.breadth)
      let grown = core.grown(by: perimeter > 0 ? core.area * options.unclipRatio / perimeter : 0)
      guard grown.shortSide >= Self.minimumSide + 2 else { continue }
      let corners = grown.orderedCorners.map { corner in
        Point(
          x: min(max((corner.x * scaleX).rounded(), 0), Float(imageWidth)),
          y: min(max((corner.y * scaleY).rounded(), 0), Float(imageHeight))
        )
      }
      let region = TextRegion(corners: corners, score: score)
      // Clipping to the image can flatten a rectangle at its border.
      guard region.size.width.rounded(.down) > 3, region.size.height.rounded(.down) > 3 else { continue }
      regions.append(region)
    }
    return regions
  }

  /// Above-threshold pixels, dilated by a 2 × 2 square (a pixel is set when it, its left, upper
  /// or upper-left neighbour is above the threshold), as OpenCV's `dilate` anchors that kernel.
  private func dilatedMask(threshold: Float) -> [Bool] {
    var mask = [Bool](repeating: false, count: width * height)
    values.withUnsafeBufferPointer { values in
      for y in 0..<height {
        for x in 0..<width where values[y * width + x] > threshold {
          mask[y * width + x] = true
          if x + 1 < width { mask[y * width + x + 1] = true }
          if y + 1 < height {
            mask[(y + 1) * width + x] = true
            if x + 1 < width { mask[(y + 1) * width + x + 1] = true }
          }
        }
      }
    }
    return mask
  }

  /// The 8-connected regions of `mask`, each as the leftmost and rightmost pixel of every row
  /// (enough for its convex hull), in the order their first pixel is met scanning rows.
  private func components(of mask: [Bool]) -> [[Point]] {
    var seen = [Bool](repeating: false, count: mask.count)
    var outlines: [[Point]] = []
    var stack: [Int] = []
    for start in mask.indices where mask[start] && !seen[start] {
      var rowExtremes: [Int: (Int, Int)] = [:]
      seen[start] = true
      stack.append(start)
      while let index = stack.popLast() {
        let x = index % width, y = index / width
        let extremes = rowExtremes[y] ?? (x, x)
        rowExtremes[y] = (min(extremes.0, x), max(extremes.1, x))
        for dy in -1...1 {
          let ny = y + dy
          guard ny >= 0, ny < height else { continue }
          for dx in -1...1 {
            let nx = x + dx
            guard nx >= 0, nx < width else { continue }
            let neighbour = ny * width + nx
            if mask[neighbour] && !seen[neighbour] {
              seen[neighbour] = true
              stack.append(neighbour)
            }
          }
        }
      }
      outlines.append(
        rowExtremes.flatMap { row, extremes in
          [Point(x: Float(extremes.0), y: Float(row)), Point(x: Float(extremes.1), y: Float(row))]
        }
      )
    }
    return outlines
  }

  /// Mean probability over the map pixels that OpenCV's `fillPoly` paints for the quadrilateral
  /// `corners` truncated to whole pixels: those inside it and those its edges pass through
  /// (centres within half a pixel of an edge, measured along the edge's minor axis).
  private func meanProbability(inside corners: [Point]) -> Float {
    let quad = corners.map { Point(x: $0.x.rounded(.towardZero), y: $0.y.rounded(.towardZero)) }
    let minX = max(Int(corners.map(\.x).min()!.rounded(.down)), 0)
    let maxX = min(Int(corners.map(\.x).max()!.rounded(.up)), width - 1)
    let minY = max(Int(corners.map(\.y).min()!.rounded(.down)), 0)
    let maxY = min(Int(corners.map(\.y).max()!.rounded(.up)), height - 1)
    guard minX <= maxX, minY <= maxY else { return 0 }
    let edges = Self.edges(of: quad)
    var sum: Float = 0, count = 0
    for y in minY...maxY {
      for x in minX...maxX where Self.covers(edges, Point(x: Float(x), y: Float(y))) {
        sum += values[y * width + x]
        count += 1
      }
    }
    return count > 0 ? sum / Float(count) : 0
  }

  /// Each edge as a line `a·x + b·y + c ≥ −slack` for points on the inner side, in either winding.
  static func edges(of polygon: [Point]) -> [(a: Float, b: Float, c: Float, slack: Float)] {
    var signedArea: Float = 0
    for index in polygon.indices {
      let p = polygon[index], q = polygon[(index + 1) % polygon.count]
      signedArea += p.x * q.y - q.x * p.y
    }
    let orientation: Float = signedArea >= 0 ? 1 : -1
    return polygon.indices.map { index in
      let p = polygon[index], q = polygon[(index + 1) % polygon.count]
      let a = -(q.y - p.y) * orientation, b = (q.x - p.x) * orientation
      // Half a pixel along the axis the edge is drawn by: x for steep edges, y for flat ones.
      return (a, b, -(a * p.x + b * p.y), 0.5 * max(abs(a), abs(b)))
    }
  }

  static func covers(_ edges: [(a: Float, b: Float, c: Float, slack: Float)], _ point: Point) -> Bool {
    edges.allSatisfy { $0.a * point.x + $0.b * point.y + $0.c >= -$0.slack }
  }
}
