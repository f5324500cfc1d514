import Foundation
import LoupeMedia
import LoupeTestSupport

/// Graded, deterministic distortions of a photo for the quality-ranking tests.
enum Distortion: CustomStringConvertible {
  case blur(sigma: Double)
  /// Horizontal box blur over `length` pixels (odd), edges replicated: a camera moving sideways.
  case motionBlur(length: Int)
  /// Area-shrunk by `factor`, then enlarged back bilinearly: an upscaled small image.
  case downUpScaling(factor: Double)
  case noise(sigma: Double)
  case jpeg(quality: Int)
  /// Multiplies every channel by `gain`, rounding and clipping to 0...255.
  case exposure(gain: Double)

  var description: String {
    switch self {
    case .blur(let sigma): "blur σ\(sigma)"
    case .motionBlur(let length): "motion \(length) px"
    case .downUpScaling(let factor): "down-up ×\(factor)"
    case .noise(let sigma): "noise σ\(sigma)"
    case .jpeg(let quality): "JPEG q\(quality)"
    case .exposure(let gain): "gain \(gain)"
    }
  }

  func applied(to image: PixelBuffer) throws -> PixelBuffer {
    switch self {
    case .blur(let sigma): return Self.blurred(image, sigma: sigma)
    case .motionBlur(let length): return Self.smearedHorizontally(image, length: length)
    case .downUpScaling(let factor):
      let width = max(1, Int((Double(image.width) / factor).rounded()))
      let height = max(1, Int((Double(image.height) / factor).rounded()))
      return image.resized(width: width, height: height, filter: .area)
        .resized(width: image.width, height: image.height, filter: .bilinear)
    case .noise(let sigma): return Self.mapped(image) { value, generator in value + sigma * generator.nextGaussian() }
    case .jpeg(let quality):
      return try ImageDecoder().decode(try ImageEncoder.encode(image, as: .jpeg(quality: quality))).pixels
    case .exposure(let gain): return Self.mapped(image) { value, _ in value * gain }
    }
  }

  private static func mapped(
    _ image: PixelBuffer,
    _ transform: (Double, inout SplitMix64) -> Double
  ) -> PixelBuffer {
    var generator = SplitMix64(seed: 0x5EED)
    var result = image
    for index in result.pixels.indices {
      let value = transform(Double(image.pixels[index]), &generator)
      result.pixels[index] = UInt8(min(max(value.rounded(), 0), 255))
    }
    return result
  }

  /// A running sum along each row, so long smears cost no more than short ones.
  private static func smearedHorizontally(_ image: PixelBuffer, length: Int) -> PixelBuffer {
    precondition(length > 0 && length % 2 == 1, "motion blur length must be odd")
    let radius = length / 2
    let (width, channels) = (image.width, PixelBuffer.channels)
    var result = image
    image.pixels.withUnsafeBufferPointer { source in
      result.pixels.withUnsafeMutableBufferPointer { output in
        for y in 0..<image.height {
          let row = y * width * channels
          for channel in 0..<channels {
            let sample = { (x: Int) in Int(source[row + min(max(x, 0), width - 1) * channels + channel]) }
            var sum = (-radius...radius).reduce(0) { $0 + sample($1) }
            for x in 0..<width {
              output[row + x * channels + channel] = UInt8((Double(sum) / Double(length)).rounded())
              sum += sample(x + radius + 1) - sample(x - radius)
            }
          }
        }
      }
    }
    return result
  }

  /// Separable Gaussian, radius ⌈3σ⌉, edges replicated.
  private static func blurred(_ image: PixelBuffer, sigma: Double) -> PixelBuffer {
    let radius = Int((3 * sigma).rounded(.up))
    let taps = (-radius...radius).map { exp(-Double($0 * $0) / (2 * sigma * sigma)) }
    let total = taps.reduce(0, +)
    let kernel = taps.map { $0 / total }
    let (width, height, channels) = (image.width, image.height, PixelBuffer.channels)
    var rows = [Double](repeating: 0, count: image.pixels.count)
    var result = image
    kernel.withUnsafeBufferPointer { kernel in
      image.pixels.withUnsafeBufferPointer { source in
        rows.withUnsafeMutableBufferPointer { rows in
          for y in 0..<height {
            for x in 0..<width {
              for channel in 0..<channels {
                var sum = 0.0
                for tap in 0..<kernel.count {
                  let sourceX = min(max(x + tap - radius, 0), width - 1)
                  sum += kernel[tap] * Double(source[(y * width + sourceX) * channels + channel])
                }
                rows[(y * width + x) * channels + channel] = sum
              }
            }
          }
        }
      }
      rows.withUnsafeBufferPointer { rows in
        result.pixels.withUnsafeMutableBufferPointer { output in
          for y in 0..<height {
            for x in 0..<width {
              for channel in 0..<channels {
                var sum = 0.0
                for tap in 0..<kernel.count {
                  let sourceY = min(max(y + tap - radius, 0), height - 1)
                  sum += kernel[tap] * rows[(sourceY * width + x) * channels + channel]
                }
                output[(y * width + x) * channels + channel] = UInt8(min(max(sum.rounded(), 0), 255))
              }
            }
          }
        }
      }
    }
    return result
  }
}
