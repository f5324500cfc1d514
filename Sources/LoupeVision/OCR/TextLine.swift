import LoupeMedia

/// A line of text read from an image: what it says, how sure the recogniser is, and where it
/// lies. Pieces the detector split (at a wide comma, say) are joined back into one line.
public struct TextLine: Sendable, Equatable, Codable {
  /// Horizontal lines read left to right; vertical ones (taller than 1.5 × their width, as
  /// Japanese is often set) top to bottom, columns right to left.
  public enum Direction: String, Sendable, Codable {
    case horizontal, vertical
  }

  public var text: String
  /// The lowest recogniser confidence among the line's pieces (0…1).
  public var score: Float
  /// Top-left, top-right, bottom-right, bottom-left in image pixels.
  public var corners: [Point]
  public var direction: Direction

  public init(text: String, score: Float, corners: [Point], direction: Direction) {
    self.text = text
    self.score = score
    self.corners = corners
    self.direction = direction
  }

  public var bounds: Rect {
    TextRegion(corners: corners, score: score).bounds
  }
}
