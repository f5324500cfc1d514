import LoupeMedia

/// 8-bit luma, rows top to bottom, as OpenCV 5's `cvtColor(COLOR_BGR2GRAY)` computes it: BT.601
/// weights in 15-bit fixed point, rounded. Integer, so the measures built on it are exact.
struct LumaPlane: Sendable, Equatable {
  let width: Int
  let height: Int
  var values: [UInt8]

  init(_ image: PixelBuffer) {
    width = image.width
    height = image.height
    values = [UInt8](repeating: 0, count: image.width * image.height)
    image.pixels.withUnsafeBufferPointer { rgb in
      for index in values.indices {
        let r = Int(rgb[3 * index]), g = Int(rgb[3 * index + 1]), b = Int(rgb[3 * index + 2])
        values[index] = UInt8((r * 9798 + g * 19235 + b * 3735 + (1 << 14)) >> 15)
      }
    }
  }

  /// The smallest level at or below which at least `fraction` of the pixels lie.
  func percentile(_ fraction: Double) -> Int {
    var histogram = [Int](repeating: 0, count: 256)
    for value in values { histogram[Int(value)] += 1 }
    let target = fraction * Double(values.count)
    var cumulative = 0
    for level in 0..<256 {
      cumulative += histogram[level]
      if Double(cumulative) >= target { return level }
    }
    return 255
  }
}
