extension Mask {
  /// Vertical samples per pixel row; coverage along each sample line is exact.
  static let polygonSubscanlines = 16
  /// Vertices beyond this (and non-finite ones) are dropped: far outside any image, they could
  /// only overflow.
  static let coordinateLimit: Float = 1e6

  /// A `width` × `height` mask of the area inside `polygon` by the non-zero winding rule, so
  /// self-intersecting landmark outlines stay filled where they fold over. Pixel `(x, y)` is the
  /// square of side 1 centred on `(x, y)` (the convention of `PixelBuffer.warped(by:)`) and gets
  /// the fraction of it inside: exact along each of 16 sample lines per row, which anti-aliases
  /// the edges. Vertices beyond ±10⁶ px or not finite are dropped; polygons with fewer than three
  /// vertices left are empty.
  public init(polygon: Polygon, width: Int, height: Int) {
    self.init(polygons: [polygon], width: width, height: height)
  }

  /// The union of the polygons' masks (the pixel-wise maximum of their coverage, so overlapping
  /// parts are not counted twice and opposite vertex orders do not cancel).
  public init(polygons: [Polygon], width: Int, height: Int) {
    self.init(width: width, height: height)
    guard !values.isEmpty else { return }
    var coverage = [Float](repeating: 0, count: self.width)
    var union = values
    for polygon in polygons {
      let vertices = polygon.vertices.filter { abs($0.x) < Self.coordinateLimit && abs($0.y) < Self.coordinateLimit }
      guard vertices.count >= 3 else { continue }
      let top = vertices.map(\.y).min()!, bottom = vertices.map(\.y).max()!
      // Clamped as floats first, so far-off vertices cannot overflow `Int`.
      let firstRow = Int(min(max((top + 0.5).rounded(.down), 0), Float(self.height)))
      let lastRow = Int(min(max((bottom + 0.5).rounded(.down), -1), Float(self.height - 1)))
      guard firstRow <= lastRow else { continue }
      for y in firstRow...lastRow {
        Self.rasterizeRow(y, of: vertices, into: &coverage)
        let row = y * self.width
        for x in 0..<self.width where coverage[x] > union[row + x] { union[row + x] = min(coverage[x], 1) }
      }
    }
    values = union
  }

  /// The coverage of one pixel row, `coverage[x]` in 0…1.
  private static func rasterizeRow(_ y: Int, of vertices: [Point], into coverage: inout [Float]) {
    let width = coverage.count
    for x in 0..<width { coverage[x] = 0 }
    let share = 1 / Float(polygonSubscanlines)
    var crossings: [(x: Float, winding: Int)] = []
    for line in 0..<polygonSubscanlines {
      let lineY = Float(y) - 0.5 + (Float(line) + 0.5) * share
      crossings.removeAll(keepingCapacity: true)
      for (index, a) in vertices.enumerated() {
        let b = vertices[(index + 1) % vertices.count]
        // Half-open in y, so a line through a vertex counts each edge pair once.
        guard (a.y <= lineY) != (b.y <= lineY) else { continue }
        let x = a.x + (lineY - a.y) / (b.y - a.y) * (b.x - a.x)
        crossings.append((x, a.y < b.y ? 1 : -1))
      }
      crossings.sort { $0.x < $1.x }
      var winding = 0
      for (index, crossing) in crossings.enumerated().dropLast() {
        winding += crossing.winding
        guard winding != 0 else { continue }
        // Pixel x spans [x − 0.5, x + 0.5): shift by a half so it spans [x, x + 1).
        let start = min(max(crossing.x + 0.5, 0), Float(width))
        let end = min(max(crossings[index + 1].x + 0.5, 0), Float(width))
        guard end > start else { continue }
        let first = Int(start), last = Int(end)
        if first == last {
          coverage[first] += (end - start) * share
          continue
        }
        coverage[first] += (Float(first + 1) - start) * share
        for x in (first + 1)..<last { coverage[x] += share }
        if last < width { coverage[last] += (end - Float(last)) * share }
      }
    }
  }
}
