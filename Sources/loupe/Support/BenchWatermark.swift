import LoupeMedia

/// A watermark for `loupe bench serve` drawn without fonts: "SAMPLE" in a 5 × 7 pixel font,
/// each font pixel a square of `scale` pixels, white at `opacity` over the photo's lower right.
enum BenchWatermark {
  static let glyphs: [Character: [String]] = [
    "S": [".####", "#....", "#....", ".###.", "....#", "....#", "####."],
    "A": [".###.", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"],
    "M": ["#...#", "##.##", "#.#.#", "#.#.#", "#...#", "#...#", "#...#"],
    "P": ["####.", "#...#", "#...#", "####.", "#....", "#....", "#...."],
    "L": ["#....", "#....", "#....", "#....", "#....", "#....", "#####"],
    "E": ["#####", "#....", "#....", "####.", "#....", "#....", "#####"],
  ]

  static func marked(_ photo: PixelBuffer, text: String = "SAMPLE", scale: Int = 5, opacity: Float = 0.5) -> PixelBuffer
  {
    var image = photo
    let advance = 6 * scale
    let originX = max(0, photo.width - text.count * advance - 3 * scale)
    let originY = max(0, photo.height - 10 * scale)
    for (position, character) in text.enumerated() {
      guard let rows = glyphs[character] else { continue }
      for (row, line) in rows.enumerated() {
        for (column, cell) in line.enumerated() where cell == "#" {
          for dy in 0..<scale {
            for dx in 0..<scale {
              let x = originX + position * advance + column * scale + dx, y = originY + row * scale + dy
              guard x < image.width, y < image.height else { continue }
              for channel in 0..<PixelBuffer.channels {
                let index = (y * image.width + x) * PixelBuffer.channels + channel
                let value = (1 - opacity) * Float(image.pixels[index]) + opacity * 255
                image.pixels[index] = UInt8(min(255, value.rounded()))
              }
            }
          }
        }
      }
    }
    return image
  }
}
