import LoupeMedia
import LoupeTestSupport
import Testing

@Suite(.offCooperativePool) struct ColorTests {
  @Test func labMatchesReferenceValues() {
    // CIE reference values for sRGB white, red and mid grey (D65).
    let white = CIELabColor(red: 255, green: 255, blue: 255)
    #expect(abs(white.lightness - 100) < 0.01 && abs(white.a) < 0.01 && abs(white.b) < 0.01)
    let red = CIELabColor(red: 255, green: 0, blue: 0)
    #expect(abs(red.lightness - 53.24) < 0.05 && abs(red.a - 80.09) < 0.05 && abs(red.b - 67.20) < 0.05)
    let grey = CIELabColor(red: 128, green: 128, blue: 128)
    #expect(abs(grey.lightness - 53.59) < 0.05 && abs(grey.a) < 0.01 && abs(grey.b) < 0.01)
    let black = CIELabColor(red: 0, green: 0, blue: 0)
    #expect(abs(black.lightness) < 1e-4)
  }

  @Test func labRoundTrips() {
    for red in stride(from: 0, through: 255, by: 15) {
      for green in stride(from: 0, through: 255, by: 17) {
        for blue in stride(from: 0, through: 255, by: 51) {
          let rgb = CIELabColor(red: Float(red), green: Float(green), blue: Float(blue)).rgb
          #expect(abs(rgb.red - Float(red)) < 0.02 && abs(rgb.green - Float(green)) < 0.02)
          #expect(abs(rgb.blue - Float(blue)) < 0.02)
        }
      }
    }
  }

  @Test func imageConversionRoundTrips() throws {
    let photo = try ProcessingFixtures.astronaut(side: 64)
    let lab = photo.convertedToLab()
    #expect(
      lab[10, 10, 0] == CIELabColor(red: photo[10, 10, 0], green: photo[10, 10, 1], blue: photo[10, 10, 2]).lightness
    )
    #expect(PixelBuffer(lab.convertedToSRGB()) == PixelBuffer(photo))
    let grey = FloatImage(width: 2, height: 2, channels: 1, repeating: 7)
    #expect(grey.convertedToLab() == grey)
  }

  @Test func statisticsAreWeighted() throws {
    let image = ProcessingFixtures.image(width: 4, height: 1) { x, _, _ in Float(x * 10) }
    let all = try #require(image.channelStatistics())
    #expect(all.means == [15, 15, 15])
    #expect(abs(all.standardDeviations[0] - 11.180_34) < 1e-3)
    let firstTwo = try #require(Mask(width: 4, height: 1, values: [1, 1, 0, 0]))
    #expect(image.channelStatistics(in: firstTwo)?.means == [5, 5, 5])
    #expect(image.channelStatistics(in: Mask(width: 4, height: 1)) == nil)
    #expect(image.channelStatistics(in: Mask(width: 3, height: 1, repeating: 1)) == nil)
  }

  @Test func transferMatchesTheReferenceStatistics() throws {
    var generator = SplitMix64(seed: 11)
    let image = ProcessingFixtures.image(width: 48, height: 48) { _, _, channel in
      Float([90, 110, 130][channel] + 12 * generator.nextGaussian())
    }
    let reference = ProcessingFixtures.image(width: 40, height: 40) { _, _, channel in
      Float([170, 140, 100][channel] + 18 * generator.nextGaussian())
    }
    let moved = try #require(ColorTransfer().apply(to: image, matching: reference))
    let got = try #require(moved.convertedToLab().channelStatistics())
    let want = try #require(reference.convertedToLab().channelStatistics())
    for channel in 0..<3 {
      #expect(abs(got.means[channel] - want.means[channel]) < 0.01)
      #expect(abs(got.standardDeviations[channel] / want.standardDeviations[channel] - 1) < 0.01)
    }
    #expect(ColorTransfer(strength: 0).apply(to: image, matching: reference) == image)
    let half = try #require(ColorTransfer(strength: 0.5).apply(to: image, matching: reference))
    let halfMean = try #require(half.convertedToLab().channelStatistics()).means[0]
    let ownMean = try #require(image.convertedToLab().channelStatistics()).means[0]
    #expect(abs(halfMean - (ownMean + want.means[0]) / 2) < 0.05)
  }

  @Test func transferLeavesPixelsOutsideTheRegionAlone() throws {
    let image = try ProcessingFixtures.astronaut(side: 64)
    let region = ProcessingFixtures.disc(width: 64, height: 64, centreX: 32, centreY: 20, radius: 12)
    let moved = try #require(
      ColorTransfer().apply(to: image, in: region, matching: try ProcessingFixtures.chelsea(side: 64))
    )
    for pixel in 0..<region.values.count where region.values[pixel] == 0 {
      #expect(moved.samples[pixel * 3..<pixel * 3 + 3] == image.samples[pixel * 3..<pixel * 3 + 3])
    }
    #expect(moved != image)
  }

  @Test func flatRegionsAreNotBlownUp() throws {
    var generator = SplitMix64(seed: 5)
    let flat = ProcessingFixtures.image(width: 32, height: 32) { _, _, _ in Float(120 + 0.2 * generator.nextGaussian())
    }
    let busy = ProcessingFixtures.image(width: 32, height: 32) { _, _, _ in Float(120 + 40 * generator.nextGaussian()) }
    let moved = try #require(ColorTransfer().apply(to: flat, matching: busy))
    let before = try #require(flat.convertedToLab().channelStatistics()).standardDeviations[0]
    let after = try #require(moved.convertedToLab().channelStatistics()).standardDeviations[0]
    #expect(after <= before * ColorTransfer.defaultScaleRange.upperBound * 1.01)
  }

  @Test func chelseasColoursMoveOntoTheAstronautsFace() throws {
    let astronaut = try ProcessingFixtures.astronaut(side: 256)
    let chelsea = try ProcessingFixtures.chelsea(side: 256)
    // The astronaut's face, and the cat's head.
    let face = ProcessingFixtures.disc(width: 256, height: 256, centreX: 115, centreY: 50, radius: 30)
    let head = ProcessingFixtures.disc(width: 256, height: 256, centreX: 120, centreY: 120, radius: 60)
    let moved = try #require(ColorTransfer().apply(to: astronaut, in: face, matching: chelsea, in: head))
    let want = try #require(chelsea.convertedToLab().channelStatistics(in: head))
    let stored = FloatImage(try #require(PixelBuffer(moved)))
    let got = try #require(stored.convertedToLab().channelStatistics(in: face))
    for channel in 0..<3 {
      #expect(abs(got.means[channel] - want.means[channel]) < 1)
    }
    #expect(ColorTransfer().apply(to: astronaut, in: face, matching: chelsea, in: Mask(width: 256, height: 256)) == nil)
  }
}
