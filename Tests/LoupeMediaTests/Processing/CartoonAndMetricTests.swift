import Foundation
import LoupeMedia
import LoupeTestSupport
import Testing

@Suite(.offCooperativePool) struct CartoonAndMetricTests {
  @Test func cartoonFlattensColoursAndInksEdges() throws {
    let photo = try ProcessingFixtures.photo("skimage/data/astronaut.png", side: 128)
    let cartoon = try #require(PixelBuffer(CartoonStyle().apply(to: FloatImage(photo))))
    #expect(ProcessingFixtures.distinctColours(cartoon) * 10 < ProcessingFixtures.distinctColours(photo))
    #expect(cartoon.peakSignalToNoiseRatio(to: photo)! > 12)
  }

  @Test func strongEdgesTurnDarkAndFlatAreasDoNot() throws {
    // Light beige beside light blue, with mild noise.
    let image = ProcessingFixtures.image(width: 48, height: 24) { x, y, channel in
      let base: [Float] = x < 24 ? [235, 215, 190] : [120, 160, 220]
      return base[channel] + Float((x * 7 + y * 13 + channel * 5) % 5) - 2
    }
    let cartoon = try #require(PixelBuffer(CartoonStyle().apply(to: image)))
    for y in 2..<22 {
      let ink = [cartoon[23, y], cartoon[24, y]].map { Int($0.r) + Int($0.g) + Int($0.b) }.min()!
      #expect(ink < 3 * 80)
      let flat = cartoon[8, y]
      #expect(Int(flat.r) + Int(flat.g) + Int(flat.b) > 3 * 180)
    }
    #expect(ProcessingFixtures.distinctColours(cartoon) < 12)
    let grey = FloatImage(width: 3, height: 3, channels: 1, repeating: 9)
    #expect(CartoonStyle().apply(to: grey) == grey)
  }

  @Test func psnrFollowsTheDefinition() throws {
    let a = PixelBuffer(width: 10, height: 10, filledWith: (100, 100, 100))
    let b = PixelBuffer(width: 10, height: 10, filledWith: (105, 95, 105))
    #expect(a.peakSignalToNoiseRatio(to: a) == .infinity)
    let psnr = try #require(a.peakSignalToNoiseRatio(to: b))
    #expect(abs(psnr - 10 * log10(255.0 * 255 / 25)) < 1e-9)
    #expect(a.peakSignalToNoiseRatio(to: PixelBuffer(width: 10, height: 9)) == nil)
    #expect(a.peakSignalToNoiseRatio(to: b, in: Mask(width: 10, height: 10)) == nil)
    #expect(a.peakSignalToNoiseRatio(to: b, in: Mask(width: 9, height: 10, repeating: 1)) == nil)
  }

  @Test func psnrInsideAndOutsideAMask() throws {
    let photo = try ProcessingFixtures.photo("matplotlib/mpl-data/sample_data/grace_hopper.jpg", side: 96)
    let face = ProcessingFixtures.disc(width: 96, height: 96, centreX: 48, centreY: 40, radius: 20)
    var image = FloatImage(photo)
    for pixel in 0..<face.values.count where face.values[pixel] == 1 {
      for channel in 0..<3 { image.samples[pixel * 3 + channel] += 30 }
    }
    let edited = try #require(PixelBuffer(image))
    #expect(edited.peakSignalToNoiseRatio(to: photo, in: face.inverted()) == .infinity)
    let inside = try #require(edited.peakSignalToNoiseRatio(to: photo, in: face))
    let whole = try #require(edited.peakSignalToNoiseRatio(to: photo))
    #expect(inside < 19 && inside > 18 - 1 && whole > inside)
  }
}
