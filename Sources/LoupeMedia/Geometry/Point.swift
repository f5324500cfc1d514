/// A position in image coordinates (pixels, origin top-left, y down).
public struct Point: Sendable, Equatable, Hashable, Codable {
  public var x: Float
  public var y: Float

  public init(x: Float, y: Float) {
    self.x = x
    self.y = y
  }
}
