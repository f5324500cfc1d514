import LoupeMedia
import LoupeRuntime

/// Channel order a model expects.
enum ChannelOrder {
  case rgb, bgr
}

extension PixelBuffer {
  /// A `[1, 3, height, width]` float tensor with `(value − mean[c]) × scale` per channel, where
  /// `mean` is given in the output channel order.
  func planarTensor(order: ChannelOrder, mean: (Float, Float, Float), scale: Float) -> Tensor {
    let planeSize = width * height
    var values = [Float](repeating: 0, count: planeSize * 3)
    let sourceChannel = order == .rgb ? [0, 1, 2] : [2, 1, 0]
    let means = [mean.0, mean.1, mean.2]
    pixels.withUnsafeBufferPointer { source in
      values.withUnsafeMutableBufferPointer { target in
        for plane in 0..<3 {
          let channel = sourceChannel[plane], offset = plane * planeSize, planeMean = means[plane]
          for index in 0..<planeSize {
            target[offset + index] = (Float(source[index * 3 + channel]) - planeMean) * scale
          }
        }
      }
    }
    return Tensor(shape: [1, 3, height, width], floats: values)
  }
}
