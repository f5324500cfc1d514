import Foundation
import LoupeMedia
import LoupeTestSupport

/// Small images for the processing tests: photos shrunk to at most 256 px so debug builds stay
/// fast, and synthetic patterns whose right answers are known.
enum ProcessingFixtures {
  static func photo(_ packagePath: String, side: Int = 128) throws -> PixelBuffer {
    try InstalledDependencies.photo(packagePath).resized(width: side, height: side, filter: .area)
  }

  static func astronaut(side: Int = 128) throws -> FloatImage {
    FloatImage(try photo("skimage/data/astronaut.png", side: side))
  }

  static func chelsea(side: Int = 128) throws -> FloatImage {
    FloatImage(try photo("skimage/data/chelsea.png", side: side))
  }

  /// A three-channel image whose samples are `value(x, y, channel)`.
  static func image(width: Int, height: Int, _ value: (Int, Int, Int) -> Float) -> FloatImage {
    var samples: [Float] = []
    samples.reserveCapacity(width * height * 3)
    for y in 0..<height {
      for x in 0..<width {
        for channel in 0..<3 { samples.append(value(x, y, channel)) }
      }
    }
    return FloatImage(width: width, height: height, channels: 3, samples: samples)!
  }

  /// Grey 60 left of `x = width / 2`, 160 from there on, plus seeded Gaussian noise.
  static func noisyStep(width: Int = 64, height: Int = 32, noise: Double, seed: UInt64 = 7) -> FloatImage {
    var generator = SplitMix64(seed: seed)
    return image(width: width, height: height) { x, _, _ in
      (x < width / 2 ? 60 : 160) + Float(noise * generator.nextGaussian())
    }
  }

  static func mask(width: Int, height: Int, _ value: (Int, Int) -> Float) -> Mask {
    var values: [Float] = []
    for y in 0..<height {
      for x in 0..<width { values.append(value(x, y)) }
    }
    return Mask(width: width, height: height, values: values)!
  }

  static func disc(width: Int, height: Int, centreX: Float, centreY: Float, radius: Float) -> Mask {
    mask(width: width, height: height) { x, y in
      let dx = Float(x) - centreX, dy = Float(y) - centreY
      return dx * dx + dy * dy <= radius * radius ? 1 : 0
    }
  }

  static func maxAbsDifference(_ a: [Float], _ b: [Float]) -> Float {
    a.count == b.count ? zip(a, b).map { abs($0 - $1) }.max() ?? 0 : .infinity
  }

  /// Standard deviation of one channel over the pixels `where` selects.
  static func deviation(_ image: FloatImage, channel: Int = 0, where selected: (Int, Int) -> Bool) -> Float {
    var values: [Float] = []
    for y in 0..<image.height {
      for x in 0..<image.width where selected(x, y) { values.append(image[x, y, channel]) }
    }
    let mean = values.reduce(0, +) / Float(values.count)
    return (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Float(values.count)).squareRoot()
  }

  static func distinctColours(_ buffer: PixelBuffer) -> Int {
    var colours = Set<Int>()
    for index in stride(from: 0, to: buffer.pixels.count, by: 3) {
      colours.insert(
        Int(buffer.pixels[index]) << 16 | Int(buffer.pixels[index + 1]) << 8 | Int(buffer.pixels[index + 2])
      )
    }
    return colours.count
  }
}
