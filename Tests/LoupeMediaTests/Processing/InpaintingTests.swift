import LoupeMedia
import LoupeTestSupport
import Testing

@Suite(.offCooperativePool) struct InpaintingTests {
  /// A horizontal ramp with a vertical bar of hole across it.
  static func ramp(width: Int = 40, height: Int = 30) -> (image: FloatImage, hole: Mask) {
    var image = FloatImage(width: width, height: height)
    var values = [Float](repeating: 0, count: width * height)
    for y in 0..<height {
      for x in 0..<width {
        for channel in 0..<3 { image[x, y, channel] = Float(4 * x + channel) }
        if (15..<21).contains(x) && (5..<25).contains(y) {
          values[y * width + x] = 1
          for channel in 0..<3 { image[x, y, channel] = 255 }
        }
      }
    }
    return (image, Mask(width: width, height: height, values: values)!)
  }

  @Test func fastMarchingFillsOnlyTheHoleAndFollowsTheSurroundings() throws {
    let (image, hole) = Self.ramp()
    let filled = try #require(FastMarchingInpainting(radius: 5).inpaint(image, hole: hole))
    for y in 0..<image.height {
      for x in 0..<image.width {
        for channel in 0..<3 {
          if hole[x, y] == 0 {
            #expect(filled[x, y, channel] == image[x, y, channel])
          } else {
            // Filled from known pixels within 5 of the hole (x 10…25): the ramp's 40…100.
            #expect(
              filled[x, y, channel] >= 40 && filled[x, y, channel] <= 102,
              "(\(x), \(y)): \(filled[x, y, channel])"
            )
          }
        }
      }
    }
    // The ramp carries on across the hole: its left side darker than its right.
    #expect(filled[15, 15, 0] < filled[20, 15, 0])
  }

  @Test func harmonicFillsAConstantImageWithTheConstant() throws {
    var image = FloatImage(width: 20, height: 20, repeating: 90)
    let hole = Mask(
      width: 20,
      height: 20,
      values: (0..<400).map { ($0 % 20 > 5 && $0 % 20 < 12 && $0 / 20 > 4) ? 1 : 0 }
    )!
    for pixel in 0..<400 where hole.values[pixel] == 1 {
      for channel in 0..<3 { image.samples[pixel * 3 + channel] = 0 }
    }
    let filled = try #require(HarmonicInpainting().inpaint(image, hole: hole))
    #expect(filled.samples.allSatisfy { abs($0 - 90) < 0.5 })
    let telea = try #require(FastMarchingInpainting().inpaint(image, hole: hole))
    #expect(telea.samples.allSatisfy { abs($0 - 90) < 0.01 })
  }

  @Test func sizeMismatchIsNilAndAnEmptyHoleChangesNothing() {
    let image = FloatImage(width: 8, height: 8, repeating: 3)
    #expect(FastMarchingInpainting().inpaint(image, hole: Mask(width: 4, height: 4)) == nil)
    #expect(FastMarchingInpainting().inpaint(image, hole: Mask(width: 8, height: 8)) == image)
    // A hole over everything has nothing to fill from: the image comes back as it was.
    #expect(FastMarchingInpainting().inpaint(image, hole: Mask(width: 8, height: 8, repeating: 1)) == image)
  }
}
