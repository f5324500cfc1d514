/// A warp that moves an image's `source` landmarks onto `destination` positions, affinely inside
/// each triangle of a triangulation of the destination points (continuous across shared edges).
/// Outside the triangles it is undefined: the caller adds boundary points (a box around the
/// face, the image corners) to cover as much of the output as it needs.
public struct PiecewiseAffineWarp: Sendable, Equatable {
  public let source: [Point]
  public let destination: [Point]
  /// Index triples into both point lists; the warp fills each one's destination triangle.
  public let triangles: [DelaunayTriangulation.Triangle]

  /// Triangulates `destination` (Delaunay). `nil` when the lists differ in length or give no
  /// triangle (fewer than three distinct points, or all on one line).
  public init?(from source: [Point], to destination: [Point]) {
    self.init(from: source, to: destination, triangles: DelaunayTriangulation(points: destination).triangles)
  }

  /// Uses the given triangles, for example a triangulation of a reference shape that every
  /// face shares. `nil` when the lists differ in length, there is no triangle or an index is
  /// out of range.
  public init?(from source: [Point], to destination: [Point], triangles: [DelaunayTriangulation.Triangle]) {
    guard source.count == destination.count, !triangles.isEmpty,
      triangles.allSatisfy({ $0.indices.allSatisfy { source.indices.contains($0) } })
    else { return nil }
    self.source = source
    self.destination = destination
    self.triangles = triangles
  }

  /// The `width` × `height` output and where it is defined: each output pixel inside a
  /// destination triangle samples `image` bilinearly at the matching point of the source
  /// triangle (edges of `image` extended by their nearest pixel); pixels outside every triangle
  /// are 0 with coverage 0. Pixel `(x, y)` is sampled at its centre `(x, y)`, as in
  /// `PixelBuffer.warped(by:)`. A pixel on an edge shared by two triangles takes the first
  /// triangle's map; both agree there.
  public func warp(_ image: FloatImage, width: Int, height: Int) -> (image: FloatImage, coverage: Mask) {
    let width = max(0, width), height = max(0, height)
    var output = FloatImage(width: width, height: height, channels: image.channels)
    var coverage = [Float](repeating: 0, count: width * height)
    guard !image.isEmpty, !output.isEmpty else {
      return (output, Mask(width: width, height: height, unclampedValues: coverage))
    }
    let channels = image.channels, sourceWidth = image.width, sourceHeight = image.height
    image.samples.withUnsafeBufferPointer { input in
      output.samples.withUnsafeMutableBufferPointer { output in
        coverage.withUnsafeMutableBufferPointer { coverage in
          for triangle in triangles {
            guard let map = TriangleMap(triangle, from: destination, to: source) else { continue }
            let firstX = Int(max(0, map.bounds.minX.rounded(.up))), lastX = min(width - 1, Int(map.bounds.maxX))
            let firstY = Int(max(0, map.bounds.minY.rounded(.up))), lastY = min(height - 1, Int(map.bounds.maxY))
            guard firstX <= lastX, firstY <= lastY else { continue }
            for y in firstY...lastY {
              for x in firstX...lastX where coverage[y * width + x] == 0 {
                guard let at = map.sourcePoint(x: Double(x), y: Double(y)) else { continue }
                coverage[y * width + x] = 1
                // Clamped into the image, the sample reads the nearest edge beyond it.
                let sx = min(max(Float(at.x), 0), Float(sourceWidth - 1))
                let sy = min(max(Float(at.y), 0), Float(sourceHeight - 1))
                let x0 = min(Int(sx), max(sourceWidth - 2, 0)), y0 = min(Int(sy), max(sourceHeight - 2, 0))
                let x1 = min(x0 + 1, sourceWidth - 1), y1 = min(y0 + 1, sourceHeight - 1)
                let fx = sx - Float(x0), fy = sy - Float(y0)
                let i00 = (y0 * sourceWidth + x0) * channels, i01 = (y0 * sourceWidth + x1) * channels
                let i10 = (y1 * sourceWidth + x0) * channels, i11 = (y1 * sourceWidth + x1) * channels
                let target = (y * width + x) * channels
                for channel in 0..<channels {
                  let top = input[i00 + channel] + (input[i01 + channel] - input[i00 + channel]) * fx
                  let bottom = input[i10 + channel] + (input[i11 + channel] - input[i10 + channel]) * fx
                  output[target + channel] = top + (bottom - top) * fy
                }
              }
            }
          }
        }
      }
    }
    return (output, Mask(width: width, height: height, unclampedValues: coverage))
  }

  /// `warp` on an 8-bit image; `nil` when `width` or `height` is not positive.
  public func warp(_ image: PixelBuffer, width: Int, height: Int) -> (image: PixelBuffer, coverage: Mask)? {
    let (warped, coverage) = warp(FloatImage(image), width: width, height: height)
    guard let pixels = PixelBuffer(warped) else { return nil }
    return (pixels, coverage)
  }
}

/// One destination triangle and the affine map from it to its source triangle, through
/// barycentric coordinates.
private struct TriangleMap {
  let origin: (x: Double, y: Double)
  let edge1: (x: Double, y: Double), edge2: (x: Double, y: Double)
  let sourceOrigin: (x: Double, y: Double)
  let sourceEdge1: (x: Double, y: Double), sourceEdge2: (x: Double, y: Double)
  let inverseDeterminant: Double
  let bounds: (minX: Double, minY: Double, maxX: Double, maxY: Double)

  /// Barycentric slack, so pixel centres exactly on an edge count despite rounding.
  static let tolerance = 1e-9

  /// Coordinates beyond this are refused: far outside any image, they could only overflow.
  static let coordinateLimit = 1e6

  /// `nil` for a flat destination triangle, which covers no area, or one with a vertex beyond
  /// ±`coordinateLimit`.
  init?(_ triangle: DelaunayTriangulation.Triangle, from destination: [Point], to source: [Point]) {
    func point(_ points: [Point], _ index: Int) -> (x: Double, y: Double) {
      (Double(points[index].x), Double(points[index].y))
    }
    let (d0, d1, d2) = (point(destination, triangle.a), point(destination, triangle.b), point(destination, triangle.c))
    let (s0, s1, s2) = (point(source, triangle.a), point(source, triangle.b), point(source, triangle.c))
    edge1 = (d1.x - d0.x, d1.y - d0.y)
    edge2 = (d2.x - d0.x, d2.y - d0.y)
    let determinant = edge1.x * edge2.y - edge1.y * edge2.x
    guard abs(determinant) > 1e-12,
      [d0, d1, d2, s0, s1, s2].allSatisfy({ abs($0.x) < Self.coordinateLimit && abs($0.y) < Self.coordinateLimit })
    else { return nil }
    origin = d0
    inverseDeterminant = 1 / determinant
    sourceOrigin = s0
    sourceEdge1 = (s1.x - s0.x, s1.y - s0.y)
    sourceEdge2 = (s2.x - s0.x, s2.y - s0.y)
    bounds = (min(d0.x, d1.x, d2.x), min(d0.y, d1.y, d2.y), max(d0.x, d1.x, d2.x), max(d0.y, d1.y, d2.y))
  }

  /// The source point for destination `(x, y)`, or `nil` outside the triangle.
  func sourcePoint(x: Double, y: Double) -> (x: Double, y: Double)? {
    let px = x - origin.x, py = y - origin.y
    let u = (px * edge2.y - py * edge2.x) * inverseDeterminant
    let v = (py * edge1.x - px * edge1.y) * inverseDeterminant
    guard u >= -Self.tolerance, v >= -Self.tolerance, u + v <= 1 + Self.tolerance else { return nil }
    return (
      sourceOrigin.x + u * sourceEdge1.x + v * sourceEdge2.x, sourceOrigin.y + u * sourceEdge1.y + v * sourceEdge2.y
    )
  }
}
