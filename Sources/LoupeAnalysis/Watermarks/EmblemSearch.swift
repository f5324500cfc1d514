import LoupeMedia

/// The shape of a logo beside its wordmark: once a line is known to be a mark of one shade and
/// opacity, the area around it (3 line thicknesses along it, 1 across) is searched for shapes
/// laid over the photo the same way. Under a white mark of opacity a no channel can be darker
/// than 255 · a (under a black one, none lighter than 255 · (1 − a)), so the pixels that could
/// be under the mark are joined into connected shapes, and a shape counts when most of its edge
/// is exactly the overlay's step: each edge pixel equals (1 − a) · the pixel two steps outside
/// it + a · shade. Natural bright regions pass the first test but rarely the second.
enum EmblemSearch {
  /// Photos with more marks than this are left alone: they are tiled patterns, whose copies
  /// `TiledPattern` finds, and there neighbouring copies and bright detail pass both tests.
  static let maximumMarks = 2
  static let reachAlong: Float = 3
  static let reachAcross: Float = 1
  /// Slack (0…255 scale) on the bound a pixel under the mark must respect.
  static let boundSlack: Float = 12
  /// An edge pixel matches the overlay's step when its channels differ from the prediction by
  /// at most this on average.
  static let stepTolerance: Float = 20
  /// Share of a shape's edge pixels that must match.
  static let matchingShare: Float = 0.6
  static let minimumArea = 30
  /// Shapes over this share of the searched area are background, not a logo.
  static let maximumAreaShare: Float = 0.5

  /// The pixels of the shapes found beside `mark`, as a mark of the same shade and opacity, or
  /// `nil` when there are none.
  static func emblem(beside mark: OverlayMark, in image: FloatImage) -> OverlayMark? {
    let bounds = mark.region.bounds
    let thickness = min(mark.region.size.width, mark.region.size.height)
    let along = Int((reachAlong * thickness).rounded()), across = Int((reachAcross * thickness).rounded())
    let x0 = max(0, Int(bounds.x) - along), x1 = min(image.width, Int(bounds.maxX.rounded(.up)) + along)
    let y0 = max(0, Int(bounds.y) - across), y1 = min(image.height, Int(bounds.maxY.rounded(.up)) + across)
    let width = x1 - x0, height = y1 - y0
    guard width > 2, height > 2 else { return nil }
    let shade = mark.shade.value, opacity = mark.opacity, channels = image.channels
    func sample(_ x: Int, _ y: Int, _ channel: Int) -> Float {
      image.samples[((y + y0) * image.width + x + x0) * channels + channel]
    }
    var possible = [Bool](repeating: false, count: width * height)
    for y in 0..<height {
      for x in 0..<width {
        var inside = true
        for channel in 0..<channels {
          let value = sample(x, y, channel)
          if mark.shade == .white ? value < 255 * opacity - boundSlack : value > 255 * (1 - opacity) + boundSlack {
            inside = false
          }
        }
        possible[y * width + x] = inside
      }
    }
    var label = [Int](repeating: -1, count: width * height)
    var found: [Int] = []
    for seed in 0..<(width * height) where possible[seed] && label[seed] < 0 {
      // Flood fill of one 4-connected shape.
      var shape = [seed]
      label[seed] = seed
      var next = 0
      while next < shape.count {
        let pixel = shape[next]
        next += 1
        let x = pixel % width, y = pixel / width
        for (nx, ny) in [(x - 1, y), (x + 1, y), (x, y - 1), (x, y + 1)]
        where nx >= 0 && ny >= 0 && nx < width && ny < height {
          let neighbour = ny * width + nx
          if possible[neighbour] && label[neighbour] < 0 {
            label[neighbour] = seed
            shape.append(neighbour)
          }
        }
      }
      guard shape.count >= minimumArea, Float(shape.count) <= maximumAreaShare * Float(width * height) else {
        continue
      }
      var matching = 0, edges = 0
      for pixel in shape {
        let x = pixel % width, y = pixel / width
        let isEdge =
          (x > 0 && !possible[pixel - 1]) || (x + 1 < width && !possible[pixel + 1])
          || (y > 0 && !possible[pixel - width]) || (y + 1 < height && !possible[pixel + width])
        guard isEdge else { continue }
        // The first direction that leaves the shape, two pixels out, is the photo beside it.
        for (dx, dy) in [(2, 0), (-2, 0), (0, 2), (0, -2)] {
          let ox = x + dx, oy = y + dy
          guard ox >= 0, oy >= 0, ox < width, oy < height, !possible[oy * width + ox] else { continue }
          var difference: Float = 0
          for channel in 0..<channels {
            let predicted = (1 - opacity) * sample(ox, oy, channel) + opacity * shade
            difference += abs(sample(x, y, channel) - predicted)
          }
          edges += 1
          if difference / Float(channels) <= stepTolerance { matching += 1 }
          break
        }
      }
      guard edges > 0, Float(matching) > matchingShare * Float(edges) else { continue }
      for pixel in shape { found.append((pixel / width + y0) * image.width + pixel % width + x0) }
    }
    guard !found.isEmpty else { return nil }
    return OverlayMark(region: mark.region, shade: mark.shade, opacity: mark.opacity, strokes: found)
  }
}
