import LoupeMedia
import LoupeRuntime

/// What a sampled tensor reads where the sampling transform leaves the image.
enum TensorBorder {
  /// Zero in the output range's units, i.e. a black pixel (MediaPipe's BORDER_ZERO).
  case black
  /// The nearest edge pixel (OpenCV's BORDER_REPLICATE, MediaPipe's default).
  case replicate
}

extension PixelBuffer {
  /// A `[1, side, side, 3]` (NHWC, RGB) float tensor whose sample at `p` is this image at
  /// `transform⁻¹(p)`, read bilinearly and mapped from 0…255 linearly onto `range`: MediaPipe's
  /// ImageToTensor with OpenCV's warp. Sampling straight into floats skips a rounding to 8 bits.
  /// `nil` when `transform` collapses the plane.
  func sampledTensor(
    side: Int,
    transform: AffineTransform,
    range: ClosedRange<Float>,
    border: TensorBorder
  ) -> Tensor? {
    guard let inverse = transform.inverted else { return nil }
    let scale = (range.upperBound - range.lowerBound) / 255
    let offset = range.lowerBound
    let channels = Self.channels
    var values = [Float](repeating: 0, count: side * side * channels)
    pixels.withUnsafeBufferPointer { source in
      values.withUnsafeMutableBufferPointer { target in
        func sample(_ x: Int, _ y: Int, _ channel: Int) -> Float {
          switch border {
          case .replicate:
            let cx = min(max(x, 0), width - 1), cy = min(max(y, 0), height - 1)
            return Float(source[(cy * width + cx) * channels + channel])
          case .black:
            guard x >= 0, y >= 0, x < width, y < height else { return 0 }
            return Float(source[(y * width + x) * channels + channel])
          }
        }
        for y in 0..<side {
          for x in 0..<side {
            let sx = inverse.a * Float(x) + inverse.b * Float(y) + inverse.tx
            let sy = inverse.c * Float(x) + inverse.d * Float(y) + inverse.ty
            let x0 = Int(sx.rounded(.down)), y0 = Int(sy.rounded(.down))
            let fx = sx - Float(x0), fy = sy - Float(y0)
            let index = (y * side + x) * channels
            for channel in 0..<channels {
              let top = sample(x0, y0, channel) * (1 - fx) + sample(x0 + 1, y0, channel) * fx
              let bottom = sample(x0, y0 + 1, channel) * (1 - fx) + sample(x0 + 1, y0 + 1, channel) * fx
              target[index + channel] = (top * (1 - fy) + bottom * fy) * scale + offset
            }
          }
        }
      }
    }
    return Tensor(shape: [1, side, side, channels], floats: values)
  }
}
