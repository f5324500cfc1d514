extension PixelBuffer {
  /// The part of the image inside `rect`, clipped to the image. `nil` when nothing is left.
  public func cropped(to rect: Rect) -> PixelBuffer? {
    let minX = max(0, Int(rect.x.rounded(.down))), minY = max(0, Int(rect.y.rounded(.down)))
    let maxX = min(width, Int(rect.maxX.rounded(.up))), maxY = min(height, Int(rect.maxY.rounded(.up)))
    guard maxX > minX, maxY > minY else { return nil }
    let rowBytes = (maxX - minX) * Self.channels
    var output = [UInt8]()
    output.reserveCapacity(rowBytes * (maxY - minY))
    for y in minY..<maxY {
      let start = (y * width + minX) * Self.channels
      output.append(contentsOf: pixels[start..<start + rowBytes])
    }
    return try? PixelBuffer(width: maxX - minX, height: maxY - minY, pixels: output)
  }
}
