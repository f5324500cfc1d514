import Foundation
import LoupeMedia
import LoupeTestSupport
import Testing

@Suite(.offCooperativePool) struct SeamlessBlendingTests {
  static let side = 96
  static let disc = ProcessingFixtures.disc(width: side, height: side, centreX: 48, centreY: 46, radius: 30)

  /// Mask pixels with a neighbour outside the mask: where the seam is.
  static func seam(of mask: Mask) -> [(x: Int, y: Int)] {
    var pixels: [(Int, Int)] = []
    for y in 1..<(mask.height - 1) {
      for x in 1..<(mask.width - 1) where mask[x, y] == 1 {
        if mask[x - 1, y] == 0 || mask[x + 1, y] == 0 || mask[x, y - 1] == 0 || mask[x, y + 1] == 0 {
          pixels.append((x, y))
        }
      }
    }
    return pixels
  }

  static func laplacian(_ image: FloatImage, _ x: Int, _ y: Int, _ channel: Int) -> Float {
    image[x - 1, y, channel] + image[x + 1, y, channel] + image[x, y - 1, channel] + image[x, y + 1, channel]
      - 4 * image[x, y, channel]
  }

  @Test func sameSourceAndTargetGiveTheTarget() throws {
    let photo = try ProcessingFixtures.astronaut(side: Self.side)
    #expect(SeamlessBlending().blend(photo, into: photo, mask: Self.disc) == photo)
    #expect(SeamlessBlending(guidance: .mixed).blend(photo, into: photo, mask: Self.disc) == photo)
  }

  @Test func offsetSourceBlendsWithoutASeam() throws {
    // A gently sloped target and a textured source 90 levels brighter.
    let target = ProcessingFixtures.image(width: Self.side, height: Self.side) { x, y, channel in
      70 + 0.2 * Float(x) + 0.1 * Float(y) + 10 * Float(channel)
    }
    let source = ProcessingFixtures.image(width: Self.side, height: Self.side) { x, y, channel in
      160 + 6 * sin(Float(x) / 5) * cos(Float(y) / 7) + 5 * Float(channel)
    }
    let blended = try #require(SeamlessBlending().blend(source, into: target, mask: Self.disc))
    for (x, y) in Self.seam(of: Self.disc) {
      for channel in 0..<3 { #expect(abs(blended[x, y, channel] - target[x, y, channel]) <= 2) }
    }
    // Inside, the result's Laplacian is the source's (the Poisson equation itself).
    var worst: Float = 0
    for y in 20..<72 {
      for x in 22..<74 where Self.disc[x, y] == 1 {
        for channel in 0..<3 {
          worst = max(worst, abs(Self.laplacian(blended, x, y, channel) - Self.laplacian(source, x, y, channel)))
        }
      }
    }
    #expect(worst < 0.05)
    // A plain paste would leave the whole 90-level step at the seam.
    let pasted = try #require(target.blended(with: source, mask: Self.disc))
    #expect(Self.seam(of: Self.disc).contains { abs(pasted[$0.x, $0.y, 0] - target[$0.x, $0.y, 0]) > 80 })
  }

  @Test func pixelsOutsideTheMaskAreUntouched() throws {
    let target = try ProcessingFixtures.photo("skimage/data/astronaut.png", side: Self.side)
    let source = try ProcessingFixtures.photo("skimage/data/chelsea.png", side: Self.side)
    let blended = try #require(SeamlessBlending().blend(source, into: target, mask: Self.disc))
    for pixel in 0..<(Self.side * Self.side) where Self.disc.values[pixel] == 0 {
      #expect(blended.pixels[pixel * 3..<pixel * 3 + 3] == target.pixels[pixel * 3..<pixel * 3 + 3])
    }
    #expect(blended.peakSignalToNoiseRatio(to: target, in: Self.disc.inverted()) == .infinity)
    // The cat's face is inside, with the astronaut's light at the seam: closer to the target
    // along the seam than a paste.
    let pastedImage = try #require(FloatImage(target).blended(with: FloatImage(source), mask: Self.disc))
    let pasted = try #require(PixelBuffer(pastedImage))
    let seamMask = ProcessingFixtures.mask(width: Self.side, height: Self.side) { x, y in
      Self.seam(of: Self.disc).contains { $0 == (x, y) } ? 1 : 0
    }
    let blendedSeam = try #require(blended.peakSignalToNoiseRatio(to: target, in: seamMask))
    let pastedSeam = try #require(pasted.peakSignalToNoiseRatio(to: target, in: seamMask))
    #expect(blendedSeam > pastedSeam + 6)
  }

  @Test func mixedGradientsKeepTheTargetsStrongerTexture() throws {
    let stripes = ProcessingFixtures.image(width: Self.side, height: Self.side) { x, _, _ in x % 8 < 4 ? 80 : 140 }
    let flat = FloatImage(width: Self.side, height: Self.side, channels: 3, repeating: 200)
    let mixed = try #require(SeamlessBlending(guidance: .mixed).blend(flat, into: stripes, mask: Self.disc))
    let plain = try #require(SeamlessBlending().blend(flat, into: stripes, mask: Self.disc))
    let contrast = { (image: FloatImage) in abs(image[47, 46, 0] - image[51, 46, 0]) }
    #expect(abs(contrast(mixed) - 60) < 1)
    #expect(contrast(plain) < 5)
  }

  @Test func mismatchedInputsAreRefused() throws {
    let image = FloatImage(width: 8, height: 8, channels: 3, repeating: 1)
    #expect(SeamlessBlending().blend(image, into: image, mask: Mask(width: 7, height: 8)) == nil)
    #expect(
      SeamlessBlending().blend(
        FloatImage(width: 8, height: 8, channels: 1),
        into: image,
        mask: Mask(width: 8, height: 8)
      ) == nil
    )
    #expect(SeamlessBlending().blend(image, into: image, mask: Mask(width: 8, height: 8)) == image)
    let full = Mask(width: 8, height: 8, repeating: 1)
    let shifted = image.mapSamples { $0 + 5 }
    #expect(SeamlessBlending().blend(shifted, into: image, mask: full) == shifted)
  }

  /// A large region, where a plain relaxation would stop far from the solution after any
  /// practical number of sweeps: the multigrid solve still reproduces the source's gradients.
  /// (How fast it is belongs to the benchmarks, not to a timed test.)
  @Test func aThreeHundredPixelRegionKeepsTheSourcesGradients() throws {
    let target = FloatImage(try ProcessingFixtures.photo("skimage/data/astronaut.png", side: 320))
    let source = FloatImage(try ProcessingFixtures.photo("skimage/data/chelsea.png", side: 320))
    let square = ProcessingFixtures.mask(width: 320, height: 320) { x, y in
      (10..<310).contains(x) && (10..<310).contains(y) ? 1 : 0
    }
    let result = try #require(SeamlessBlending().blend(source, into: target, mask: square))
    for y in stride(from: 20, to: 300, by: 37) {
      for x in stride(from: 20, to: 300, by: 41) {
        #expect(abs(Self.laplacian(result, x, y, 1) - Self.laplacian(source, x, y, 1)) < 0.1)
      }
    }
  }
}
