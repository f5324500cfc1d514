extension PixelBuffer {
  /// A copy scaled to `width` × `height` (separable: rows, then columns).
  public func resized(width newWidth: Int, height newHeight: Int, filter: ResizeFilter = .bilinear) -> PixelBuffer {
    precondition(newWidth > 0 && newHeight > 0, "dimensions must be positive")
    if newWidth == width && newHeight == height { return self }
    let columns = ResamplingTaps(source: width, destination: newWidth, filter: filter)
    let rows = ResamplingTaps(source: height, destination: newHeight, filter: filter)
    let channels = Self.channels

    var horizontal = [Float](repeating: 0, count: height * newWidth * channels)
    pixels.withUnsafeBufferPointer { source in
      horizontal.withUnsafeMutableBufferPointer { target in
        for y in 0..<height {
          let sourceRow = y * width * channels, targetRow = y * newWidth * channels
          for x in 0..<newWidth {
            var r: Float = 0, g: Float = 0, b: Float = 0
            let offset = columns.weightOffsets[x], first = columns.first[x]
            for tap in 0..<columns.counts[x] {
              let weight = columns.weights[offset + tap]
              let index = sourceRow + (first + tap) * channels
              r += weight * Float(source[index])
              g += weight * Float(source[index + 1])
              b += weight * Float(source[index + 2])
            }
            let target0 = targetRow + x * channels
            target[target0] = r
            target[target0 + 1] = g
            target[target0 + 2] = b
          }
        }
      }
    }

    var output = [UInt8](repeating: 0, count: newWidth * newHeight * channels)
    let rowLength = newWidth * channels
    horizontal.withUnsafeBufferPointer { source in
      output.withUnsafeMutableBufferPointer { target in
        var accumulator = [Float](repeating: 0, count: rowLength)
        for y in 0..<newHeight {
          for index in 0..<rowLength { accumulator[index] = 0 }
          let offset = rows.weightOffsets[y], first = rows.first[y]
          for tap in 0..<rows.counts[y] {
            let weight = rows.weights[offset + tap]
            let sourceRow = (first + tap) * rowLength
            for index in 0..<rowLength {
              accumulator[index] += weight * source[sourceRow + index]
            }
          }
          let targetRow = y * rowLength
          for index in 0..<rowLength {
            target[targetRow + index] = UInt8(clamping: Int((accumulator[index] + 0.5).rounded(.down)))
          }
        }
      }
    }
    return try! PixelBuffer(width: newWidth, height: newHeight, pixels: output)
  }
}
