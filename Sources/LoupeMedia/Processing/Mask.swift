/// A single-channel weight map over an image, values in 0…1 (1 = fully selected), rows top to
/// bottom. Values are clamped to 0…1 when a mask is made from samples, so every consumer can
/// rely on the range. Masks may be empty (0 × 0).
public struct Mask: Sendable, Equatable {
  public let width: Int
  public let height: Int
  public internal(set) var values: [Float]

  /// `nil` when a dimension is negative or the value count is not `width × height`; values are
  /// clamped to 0…1 (NaN becomes 0).
  public init?(width: Int, height: Int, values: [Float]) {
    guard width >= 0, height >= 0, values.count == width * height else { return nil }
    self.width = width
    self.height = height
    self.values = values.map { $0 >= 1 ? 1 : $0 > 0 ? $0 : 0 }
  }

  /// A mask whose every value is `value` clamped to 0…1 (negative dimensions give an empty mask).
  public init(width: Int, height: Int, repeating value: Float = 0) {
    self.width = max(0, width)
    self.height = max(0, height)
    values = [Float](repeating: value >= 1 ? 1 : value > 0 ? value : 0, count: self.width * self.height)
  }

  /// Values already known to be in 0…1, taken without the clamping pass.
  init(width: Int, height: Int, unclampedValues: [Float]) {
    self.width = width
    self.height = height
    values = unclampedValues
  }

  public var isEmpty: Bool { values.isEmpty }

  public subscript(x: Int, y: Int) -> Float {
    values[y * width + x]
  }

  /// The smallest pixel-aligned rectangle holding every value above `threshold`, or `nil` when
  /// there is none.
  public func boundingBox(above threshold: Float = 0) -> Rect? {
    guard let bounds = pixelBounds(above: threshold) else { return nil }
    return Rect(
      minX: Float(bounds.minX),
      minY: Float(bounds.minY),
      maxX: Float(bounds.maxX + 1),
      maxY: Float(bounds.maxY + 1)
    )
  }

  /// `1 − value` everywhere.
  public func inverted() -> Mask {
    Mask(width: width, height: height, unclampedValues: values.map { 1 - $0 })
  }

  /// The pixel-wise maximum (selected in either), or `nil` when the sizes differ.
  public func union(_ other: Mask) -> Mask? {
    combined(with: other, max)
  }

  /// The pixel-wise minimum (selected in both), or `nil` when the sizes differ.
  public func intersection(_ other: Mask) -> Mask? {
    combined(with: other, min)
  }

  /// The sum of all values: the selected area in pixels.
  public var area: Float {
    values.withUnsafeBufferPointer { values in values.reduce(0, +) }
  }

  private func combined(with other: Mask, _ operation: (Float, Float) -> Float) -> Mask? {
    guard width == other.width, height == other.height else { return nil }
    return Mask(width: width, height: height, unclampedValues: zip(values, other.values).map(operation))
  }

  /// Inclusive pixel bounds of the values above `threshold`.
  func pixelBounds(above threshold: Float) -> (minX: Int, minY: Int, maxX: Int, maxY: Int)? {
    var minX = width, minY = height, maxX = -1, maxY = -1
    values.withUnsafeBufferPointer { values in
      for y in 0..<height {
        let row = y * width
        for x in 0..<width where values[row + x] > threshold {
          minX = min(minX, x)
          maxX = max(maxX, x)
          minY = min(minY, y)
          maxY = y
        }
      }
    }
    return maxX < 0 ? nil : (minX, minY, maxX, maxY)
  }
}
