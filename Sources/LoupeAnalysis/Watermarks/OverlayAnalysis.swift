import LoupeMedia
import LoupeVision

/// Whether a text line is a watermark and which of its pixels the mark covers: the photo under
/// the line is estimated from the pixels around it (`background(_:under:)`), and each pixel's
/// departure from that estimate is measured along the way to white and to black. A watermark's
/// strokes all sit the same fraction of the way (its opacity); texture scatters both ways. The
/// shade whose upper percentile is larger is the mark's, its opacity the median over the pixels
/// past half that percentile, and its strokes the pixels past half the opacity.
enum OverlayAnalysis {
  /// Lines whose strokes move pixels less than this far towards the shade are not marks.
  static let minimumOpacity: Float = 0.1
  /// Fewer stroke pixels than this is noise, not a mark.
  static let minimumStrokes = 12
  /// Pixels closer than this (per channel, on the 0…255 scale) to the shade cannot show an
  /// overlay of it and are not measured.
  static let minimumReach: Float = 24
  /// The line's rectangle is widened by this many pixels: DB's rectangles can clip the
  /// anti-aliased edges of the glyphs.
  static let margin = 2
  /// Lines thicker than this share of the image's shorter side are not analysed: on the tuning
  /// set every one of them was the detector reading fur or foliage, never a mark.
  static let maximumLineShare: Float = 0.3

  static func mark(in image: FloatImage, region: TextRegion) -> OverlayMark? {
    let bounds = region.bounds
    let side = min(region.size.width, region.size.height)
    guard side <= maximumLineShare * Float(min(image.width, image.height)) else { return nil }
    let pad = Int(max(4, 0.3 * side).rounded(.up)) + margin
    let x0 = max(0, Int(bounds.x.rounded(.down)) - pad), y0 = max(0, Int(bounds.y.rounded(.down)) - pad)
    let x1 = min(image.width, Int(bounds.maxX.rounded(.up)) + pad + 1)
    let y1 = min(image.height, Int(bounds.maxY.rounded(.up)) + pad + 1)
    guard x1 - x0 > 2 * margin, y1 - y0 > 2 * margin else { return nil }
    let window = image.window(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    let polygon = Polygon(region.corners.map { Point(x: $0.x - Float(x0), y: $0.y - Float(y0)) })
    let line = Mask(polygon: polygon, width: window.width, height: window.height).dilated(radius: margin)
    let background = Self.background(window, under: line)

    var inside: [Int] = []
    var towardsWhite: [Float] = [], towardsBlack: [Float] = []
    for pixel in 0..<line.values.count where line.values[pixel] > 0 {
      inside.append(pixel)
      towardsWhite.append(fraction(window, background, pixel, shade: 255))
      towardsBlack.append(fraction(window, background, pixel, shade: 0))
    }
    let white = percentile(towardsWhite, 0.95), black = percentile(towardsBlack, 0.95)
    let shade: OverlayMark.Shade = white >= black ? .white : .black
    let fractions = shade == .white ? towardsWhite : towardsBlack
    let upper = max(white, black)
    guard upper >= minimumOpacity else { return nil }
    let opacity = median(fractions.filter { $0 > upper / 2 })
    guard opacity >= minimumOpacity else { return nil }
    var strokes: [Int] = []
    for (local, fraction) in zip(inside, fractions) where fraction > opacity / 2 {
      let x = local % window.width + x0, y = local / window.width + y0
      strokes.append(y * image.width + x)
    }
    guard strokes.count >= minimumStrokes else { return nil }
    return OverlayMark(region: region, shade: shade, opacity: min(opacity, 1), strokes: strokes)
  }

  /// The photo under `hole` as seen from outside it: each hole pixel is the mean of the nearest
  /// pixels outside the hole to its left, right, top and bottom, each weighted by the inverse
  /// of its distance. A rough estimate, which is all telling strokes from texture needs, in two
  /// passes over the window (the harmonic fill costs a multigrid solve per line).
  static func background(_ image: FloatImage, under hole: Mask) -> FloatImage {
    let width = image.width, height = image.height, channels = image.channels
    var sums = [Float](repeating: 0, count: width * height * channels)
    var weights = [Float](repeating: 0, count: width * height)
    // One line of pixels (a row or a column): `index(k)` is its k-th pixel's image index.
    func scan(count: Int, index: (Int) -> Int) {
      var start = 0
      while start < count {
        guard hole.values[index(start)] > 0 else {
          start += 1
          continue
        }
        var end = start
        while end < count, hole.values[index(end)] > 0 { end += 1 }
        // The hole's run is start..<end; its neighbours, if inside the window, are known.
        for k in start..<end {
          let target = index(k)
          if start > 0 {
            let weight = 1 / Float(k - start + 1), source = index(start - 1)
            weights[target] += weight
            for c in 0..<channels { sums[target * channels + c] += weight * image.samples[source * channels + c] }
          }
          if end < count {
            let weight = 1 / Float(end - k), source = index(end)
            weights[target] += weight
            for c in 0..<channels { sums[target * channels + c] += weight * image.samples[source * channels + c] }
          }
        }
        start = end
      }
    }
    for y in 0..<height { scan(count: width) { y * width + $0 } }
    for x in 0..<width { scan(count: height) { $0 * width + x } }
    var background = image
    for pixel in 0..<(width * height) where hole.values[pixel] > 0 && weights[pixel] > 0 {
      for c in 0..<channels { background.samples[pixel * channels + c] = sums[pixel * channels + c] / weights[pixel] }
    }
    return background
  }

  /// How far `image` has moved from `background` towards `shade` at `pixel`: the projection of
  /// the difference on the way there, as a fraction of it; NaN when the background is too close
  /// to the shade to tell.
  static func fraction(_ image: FloatImage, _ background: FloatImage, _ pixel: Int, shade: Float) -> Float {
    var along: Float = 0, length: Float = 0
    for channel in 0..<image.channels {
      let index = pixel * image.channels + channel
      let way = shade - background.samples[index]
      along += (image.samples[index] - background.samples[index]) * way
      length += way * way
    }
    guard length >= Float(image.channels) * minimumReach * minimumReach else { return .nan }
    return along / length
  }

  /// The `share` quantile of the finite values (0 when there are none).
  static func percentile(_ values: [Float], _ share: Float) -> Float {
    let sorted = values.filter(\.isFinite).sorted()
    guard !sorted.isEmpty else { return 0 }
    return sorted[min(sorted.count - 1, Int(Float(sorted.count - 1) * share))]
  }

  static func median(_ values: [Float]) -> Float {
    percentile(values, 0.5)
  }
}

extension FloatImage {
  /// The samples of a rectangle that lies inside the image.
  func window(x: Int, y: Int, width: Int, height: Int) -> FloatImage {
    var samples: [Float] = []
    samples.reserveCapacity(width * height * channels)
    for row in y..<(y + height) {
      let start = (row * self.width + x) * channels
      samples.append(contentsOf: self.samples[start..<(start + width * channels)])
    }
    return FloatImage(width: width, height: height, channels: channels, samples: samples)!
  }
}
