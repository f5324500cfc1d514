extension PixelBuffer {
  /// This image with the pixels inside `region` resampled: output pixel `(x, y)` there takes this
  /// image's colour at `source(x, y)`, read bilinearly with the edges extended; every pixel
  /// outside `region` is copied unchanged, bit for bit. Pixel centres sit at integer
  /// coordinates, as in `warped(by:)`. A backward map, so the output has no holes whatever
  /// `source` does.
  public func remapped(in region: (x: Range<Int>, y: Range<Int>), source: (Float, Float) -> Point) -> PixelBuffer {
    let xs = region.x.clamped(to: 0..<width), ys = region.y.clamped(to: 0..<height)
    var output = self
    let channels = Self.channels
    pixels.withUnsafeBufferPointer { input in
      output.pixels.withUnsafeMutableBufferPointer { target in
        for y in ys {
          for x in xs {
            let point = source(Float(x), Float(y))
            let sx = min(max(point.x, 0), Float(width - 1)), sy = min(max(point.y, 0), Float(height - 1))
            let x0 = Int(sx), y0 = Int(sy)
            let x1 = min(x0 + 1, width - 1), y1 = min(y0 + 1, height - 1)
            let fx = sx - Float(x0), fy = sy - Float(y0)
            let i00 = (y0 * width + x0) * channels, i01 = (y0 * width + x1) * channels
            let i10 = (y1 * width + x0) * channels, i11 = (y1 * width + x1) * channels
            let index = (y * width + x) * channels
            for channel in 0..<channels {
              let top = Float(input[i00 + channel]) * (1 - fx) + Float(input[i01 + channel]) * fx
              let bottom = Float(input[i10 + channel]) * (1 - fx) + Float(input[i11 + channel]) * fx
              target[index + channel] = UInt8(clamping: Int(top * (1 - fy) + bottom * fy + 0.5))
            }
          }
        }
      }
    }
    return output
  }
}
