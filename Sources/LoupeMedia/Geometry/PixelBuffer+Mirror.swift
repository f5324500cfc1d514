extension PixelBuffer {
  /// A copy mirrored left to right.
  public func mirrored() -> PixelBuffer {
    let channels = Self.channels
    var output = [UInt8](repeating: 0, count: pixels.count)
    pixels.withUnsafeBufferPointer { source in
      output.withUnsafeMutableBufferPointer { target in
        for y in 0..<height {
          let row = y * width
          for x in 0..<width {
            let from = (row + width - 1 - x) * channels, to = (row + x) * channels
            target[to] = source[from]
            target[to + 1] = source[from + 1]
            target[to + 2] = source[from + 2]
          }
        }
      }
    }
    return try! PixelBuffer(width: width, height: height, pixels: output)
  }
}
