import Foundation

/// A symmetric 1-D kernel, `weights[radius]` at the centre, normalised to sum 1.
struct SymmetricKernel {
  let weights: [Float]
  var radius: Int { weights.count / 2 }

  /// A sampled Gaussian cut at ±⌈3σ⌉, where it has fallen below 1.2 % of its peak, and at
  /// `maximumRadius` (taps beyond an image's size only reread its edge).
  init(gaussianSigma sigma: Float, maximumRadius: Int) {
    let radius = Int(min(max(1, (3 * sigma).rounded(.up)), Float(max(1, maximumRadius))))
    let raw = (-radius...radius).map { offset in expf(-Float(offset * offset) / (2 * sigma * sigma)) }
    let total = raw.reduce(0, +)
    weights = raw.map { $0 / total }
  }
}

/// Convolves interleaved samples with `kernel` along rows, then columns, reading the nearest
/// edge sample beyond the borders.
func convolveSeparable(
  _ samples: [Float],
  width: Int,
  height: Int,
  channels: Int,
  kernel: SymmetricKernel
) -> [Float] {
  guard width > 0, height > 0 else { return samples }
  let radius = kernel.radius, rowLength = width * channels
  var horizontal = [Float](repeating: 0, count: samples.count)
  var padded = [Float](repeating: 0, count: (width + 2 * radius) * channels)
  kernel.weights.withUnsafeBufferPointer { weights in
    samples.withUnsafeBufferPointer { source in
      horizontal.withUnsafeMutableBufferPointer { target in
        padded.withUnsafeMutableBufferPointer { padded in
          for y in 0..<height {
            let row = y * rowLength
            // The row with `radius` copies of its end pixels on each side: the taps need no clamping.
            for x in 0..<(width + 2 * radius) {
              let sourceX = min(max(x - radius, 0), width - 1)
              for channel in 0..<channels {
                padded[x * channels + channel] = source[row + sourceX * channels + channel]
              }
            }
            for index in 0..<rowLength {
              var sum: Float = 0
              for tap in 0...(2 * radius) {
                sum += weights[tap] * padded[index + tap * channels]
              }
              target[row + index] = sum
            }
          }
        }
      }
    }
  }
  var output = [Float](repeating: 0, count: samples.count)
  kernel.weights.withUnsafeBufferPointer { weights in
    horizontal.withUnsafeBufferPointer { source in
      output.withUnsafeMutableBufferPointer { target in
        for y in 0..<height {
          let targetRow = y * rowLength
          for tap in 0...(2 * radius) {
            let weight = weights[tap]
            let sourceRow = min(max(y + tap - radius, 0), height - 1) * rowLength
            for index in 0..<rowLength {
              target[targetRow + index] += weight * source[sourceRow + index]
            }
          }
        }
      }
    }
  }
  return output
}
