import LoupeMedia

/// A line of text found by `TextDetector`: a rotated rectangle in image pixels.
public struct TextRegion: Sendable, Equatable, Hashable, Codable {
  /// Top-left, top-right, bottom-right, bottom-left, as the rectangle lies in the image.
  public var corners: [Point]
  /// Mean text probability inside the rectangle before it was widened (0…1).
  public var score: Float

  public init(corners: [Point], score: Float) {
    precondition(corners.count == 4, "a text region has four corners")
    self.corners = corners
    self.score = score
  }

  /// The axis-aligned rectangle around the corners.
  public var bounds: Rect {
    Rect(
      minX: corners.map(\.x).min()!,
      minY: corners.map(\.y).min()!,
      maxX: corners.map(\.x).max()!,
      maxY: corners.map(\.y).max()!
    )
  }

  /// Length of the top edge and of the left edge: a vertical line is taller than it is wide.
  public var size: (width: Float, height: Float) {
    (corners[0].distance(to: corners[1]), corners[0].distance(to: corners[3]))
  }
}

extension Point {
  func distance(to other: Point) -> Float {
    ((x - other.x) * (x - other.x) + (y - other.y) * (y - other.y)).squareRoot()
  }
}
