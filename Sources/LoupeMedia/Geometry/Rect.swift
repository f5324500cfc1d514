/// An axis-aligned rectangle in image coordinates.
public struct Rect: Sendable, Equatable, Hashable, Codable {
  public var x: Float
  public var y: Float
  public var width: Float
  public var height: Float

  public init(x: Float, y: Float, width: Float, height: Float) {
    self.x = x
    self.y = y
    self.width = width
    self.height = height
  }

  public init(minX: Float, minY: Float, maxX: Float, maxY: Float) {
    self.init(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
  }

  public var maxX: Float { x + width }
  public var maxY: Float { y + height }
  public var area: Float { max(width, 0) * max(height, 0) }

  public func intersectionOverUnion(with other: Rect) -> Float {
    let overlap = Rect(
      minX: max(x, other.x),
      minY: max(y, other.y),
      maxX: min(maxX, other.maxX),
      maxY: min(maxY, other.maxY)
    )
    let intersection = overlap.width > 0 && overlap.height > 0 ? overlap.area : 0
    let union = area + other.area - intersection
    return union > 0 ? intersection / union : 0
  }
}
