extension PixelBuffer {
  /// A `width` × `height` image whose pixel at `p` is this image's pixel at `transform⁻¹(p)`,
  /// sampled bilinearly; samples outside this image read `border` (OpenCV's warpAffine with
  /// BORDER_CONSTANT). `transform` maps this image's coordinates into the output's.
  public func warped(
    by transform: AffineTransform,
    width outputWidth: Int,
    height outputHeight: Int,
    border: (UInt8, UInt8, UInt8) = (0, 0, 0)
  ) -> PixelBuffer? {
    guard outputWidth > 0, outputHeight > 0, let inverse = transform.inverted else { return nil }
    let channels = Self.channels
    let borderValues = [Float(border.0), Float(border.1), Float(border.2)]
    var output = [UInt8](repeating: 0, count: outputWidth * outputHeight * channels)
    pixels.withUnsafeBufferPointer { source in
      output.withUnsafeMutableBufferPointer { target in
        for y in 0..<outputHeight {
          for x in 0..<outputWidth {
            let sx = inverse.a * Float(x) + inverse.b * Float(y) + inverse.tx
            let sy = inverse.c * Float(x) + inverse.d * Float(y) + inverse.ty
            let x0 = Int(sx.rounded(.down)), y0 = Int(sy.rounded(.down))
            let fx = sx - Float(x0), fy = sy - Float(y0)
            let targetIndex = (y * outputWidth + x) * channels
            if x0 >= 0 && y0 >= 0 && x0 + 1 < width && y0 + 1 < height {
              let i00 = (y0 * width + x0) * channels, i01 = i00 + channels
              let i10 = i00 + width * channels, i11 = i10 + channels
              for channel in 0..<channels {
                let top = Float(source[i00 + channel]) * (1 - fx) + Float(source[i01 + channel]) * fx
                let bottom = Float(source[i10 + channel]) * (1 - fx) + Float(source[i11 + channel]) * fx
                target[targetIndex + channel] = UInt8(clamping: Int(top * (1 - fy) + bottom * fy + 0.5))
              }
            } else if x0 >= -1 && y0 >= -1 && x0 < width && y0 < height {
              for channel in 0..<channels {
                func sample(_ px: Int, _ py: Int) -> Float {
                  px >= 0 && py >= 0 && px < width && py < height
                    ? Float(source[(py * width + px) * channels + channel]) : borderValues[channel]
                }
                let top = sample(x0, y0) * (1 - fx) + sample(x0 + 1, y0) * fx
                let bottom = sample(x0, y0 + 1) * (1 - fx) + sample(x0 + 1, y0 + 1) * fx
                target[targetIndex + channel] = UInt8(clamping: Int(top * (1 - fy) + bottom * fy + 0.5))
              }
            } else {
              target[targetIndex] = border.0
              target[targetIndex + 1] = border.1
              target[targetIndex + 2] = border.2
            }
          }
        }
      }
    }
    return try? PixelBuffer(width: outputWidth, height: outputHeight, pixels: output)
  }
}
