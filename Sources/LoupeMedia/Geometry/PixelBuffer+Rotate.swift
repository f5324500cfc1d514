extension PixelBuffer {
  /// A copy turned clockwise by `quarterTurns` × 90° (negative turns go counterclockwise).
  public func rotated(quarterTurns: Int) -> PixelBuffer {
    let turns = (quarterTurns % 4 + 4) % 4
    guard turns != 0 else { return self }
    let channels = Self.channels
    let (newWidth, newHeight) = turns == 2 ? (width, height) : (height, width)
    var output = [UInt8](repeating: 0, count: pixels.count)
    pixels.withUnsafeBufferPointer { source in
      output.withUnsafeMutableBufferPointer { target in
        for y in 0..<newHeight {
          for x in 0..<newWidth {
            let (sourceX, sourceY) =
              switch turns {
              case 1: (y, height - 1 - x)
              case 2: (width - 1 - x, height - 1 - y)
              default: (width - 1 - y, x)
              }
            let from = (sourceY * width + sourceX) * channels, to = (y * newWidth + x) * channels
            target[to] = source[from]
            target[to + 1] = source[from + 1]
            target[to + 2] = source[from + 2]
          }
        }
      }
    }
    return try! PixelBuffer(width: newWidth, height: newHeight, pixels: output)
  }
}
