import LoupeMedia
import LoupeTestSupport
import Testing

@Suite(.offCooperativePool) struct FilterTests {
  @Test(arguments: [Float(0.8), 2, 4.5])
  func gaussianImpulseHasTheRightSpread(sigma: Float) {
    let impulse = ProcessingFixtures.image(width: 41, height: 41) { x, y, _ in x == 20 && y == 20 ? 1000 : 0 }
    let blurred = impulse.gaussianBlurred(sigma: sigma)
    var total: Float = 0, secondMoment: Float = 0
    for y in 0..<41 {
      for x in 0..<41 {
        total += blurred[x, y, 0]
        secondMoment += blurred[x, y, 0] * Float((x - 20) * (x - 20))
      }
    }
    #expect(abs(total - 1000) < 0.1)
    #expect(blurred[17, 20, 1] == blurred[23, 20, 1] && blurred[20, 17, 2] == blurred[20, 23, 2])
    // The variance of a sampled Gaussian cut at 3σ is σ² to within a few percent.
    #expect(abs(secondMoment / total / (sigma * sigma) - 1) < 0.05)
  }

  @Test func gaussianKeepsFlatImagesAndEdges() {
    let flat = FloatImage(width: 9, height: 5, channels: 3, repeating: 77)
    #expect(ProcessingFixtures.maxAbsDifference(flat.gaussianBlurred(sigma: 3).samples, flat.samples) < 1e-4)
    #expect(flat.gaussianBlurred(sigma: 0) == flat)
    #expect(FloatImage(width: 0, height: 0).gaussianBlurred(sigma: 2).isEmpty)
    let mask = ProcessingFixtures.mask(width: 20, height: 3) { x, _ in x < 10 ? 1 : 0 }.gaussianBlurred(sigma: 2)
    #expect(abs(mask[9, 1] + mask[10, 1] - 1) < 1e-5)
    #expect(mask[0, 0] > 0.999 && mask[19, 2] < 0.001)
  }

  @Test func bilateralDropsNoiseAndKeepsTheEdge() {
    let noisy = ProcessingFixtures.noisyStep(noise: 6)
    let smoothed = noisy.bilateralFiltered(spatialSigma: 3, rangeSigma: 25)
    let flatPart = { (x: Int, _: Int) in x >= 4 && x < 26 }
    #expect(
      ProcessingFixtures.deviation(smoothed, where: flatPart) < ProcessingFixtures.deviation(noisy, where: flatPart) / 3
    )
    // The step (100 levels) stays within a pixel: the columns either side keep nearly all of it.
    let left = (0..<32).map { smoothed[31, $0, 0] }.reduce(0, +) / 32
    let right = (0..<32).map { smoothed[32, $0, 0] }.reduce(0, +) / 32
    #expect(right - left > 90)
    let blurred = noisy.gaussianBlurred(sigma: 3)
    #expect((0..<32).map { blurred[32, $0, 0] - blurred[31, $0, 0] }.reduce(0, +) / 32 < 30)
  }

  @Test func bilateralKeepsTheAstronautsEdges() throws {
    let photo = try ProcessingFixtures.astronaut(side: 128)
    let smoothed = photo.bilateralFiltered(spatialSigma: 3, rangeSigma: 20)
    let blurred = photo.gaussianBlurred(sigma: 3)
    let strength = { (image: FloatImage, pixels: [Int]) -> Float in
      pixels.map { pixel in
        let x = pixel % 128, y = pixel / 128
        return abs(image[x + 1, y, 0] - image[x - 1, y, 0]) + abs(image[x, y + 1, 0] - image[x, y - 1, 0])
      }.reduce(0, +) / Float(pixels.count)
    }
    // The strongest 2 % of edges in the photo.
    var edges: [(pixel: Int, strength: Float)] = []
    for y in 1..<127 {
      for x in 1..<127 { edges.append((y * 128 + x, strength(photo, [y * 128 + x]))) }
    }
    let strongest = edges.sorted { $0.strength > $1.strength }.prefix(edges.count / 50).map(\.pixel)
    let original = strength(photo, strongest)
    #expect(strength(smoothed, strongest) > 0.7 * original)
    #expect(strength(blurred, strongest) < 0.5 * original)
    #expect(photo.peakSignalToNoiseRatio(to: smoothed)! > photo.peakSignalToNoiseRatio(to: blurred)! + 3)
  }

  @Test func denoiseBringsANoisyPhotoCloserToTheClean() throws {
    let clean = try ProcessingFixtures.astronaut(side: 96)
    var generator = SplitMix64(seed: 3)
    let noisy = clean.mapSamples { $0 + Float(5 * generator.nextGaussian()) }
    let denoised = noisy.denoised()
    let before = try #require(clean.peakSignalToNoiseRatio(to: noisy))
    let after = try #require(clean.peakSignalToNoiseRatio(to: denoised))
    #expect(after > before + 2)
    #expect(noisy.denoised(strength: 0) == noisy)
  }

  @Test func unsharpMaskSteepensEdgesAboveTheThreshold() {
    let step = ProcessingFixtures.image(width: 20, height: 4) { x, _, _ in x < 10 ? 80 : 160 }
    let sharp = step.sharpened(amount: 1, radius: 1.5, threshold: 2)
    #expect(sharp[9, 1, 0] < 80 && sharp[10, 1, 0] > 160)
    #expect(sharp[2, 1, 0] == 80 && sharp[17, 1, 0] == 160)
    // Ripples of one level stay under the threshold.
    let ripple = ProcessingFixtures.image(width: 20, height: 4) { x, _, _ in 100 + Float(x % 2) }
    #expect(ripple.sharpened(amount: 1, radius: 1.5, threshold: 2) == ripple)
    #expect(ripple.sharpened(amount: 1, radius: 1.5, threshold: 0) != ripple)
  }

  @Test func unsharpMaskRestoresSomeOfABlurredPhoto() throws {
    let photo = try ProcessingFixtures.astronaut(side: 128)
    let blurred = photo.gaussianBlurred(sigma: 1)
    let sharpened = blurred.sharpened(amount: 1, radius: 1, threshold: 1)
    let before = try #require(photo.peakSignalToNoiseRatio(to: blurred))
    let after = try #require(photo.peakSignalToNoiseRatio(to: sharpened))
    #expect(after > before + 1)
  }

  @Test func erosionAndDilationUseADisc() {
    let point = ProcessingFixtures.mask(width: 21, height: 21) { x, y in x == 10 && y == 10 ? 1 : 0 }
    let disc = point.dilated(radius: 5)
    #expect(disc[13, 14] == 1 && disc[15, 10] == 1 && disc[14, 14] == 0)
    // Lattice points within distance 5.
    #expect(disc.area == 81)
    #expect(disc.eroded(radius: 5) == point)

    let square = ProcessingFixtures.mask(width: 30, height: 30) { x, y in
      (5..<26).contains(x) && (5..<26).contains(y) ? 1 : 0
    }
    let shrunk = square.eroded(radius: 3)
    #expect(shrunk.boundingBox() == Rect(minX: 8, minY: 8, maxX: 23, maxY: 23) && shrunk.area == 225)
    #expect(square.dilated(radius: 2).boundingBox() == Rect(minX: 3, minY: 3, maxX: 28, maxY: 28))
    #expect(square.dilated(radius: 0) == square)
  }

  @Test func extremeParametersDoNotTrap() {
    let image = ProcessingFixtures.noisyStep(width: 12, height: 6, noise: 3)
    #expect(image.gaussianBlurred(sigma: .infinity) == image && image.gaussianBlurred(sigma: .nan) == image)
    let wide = image.gaussianBlurred(sigma: 1e9)
    #expect(wide.samples.allSatisfy { $0 > 60 && $0 < 160 })
    #expect(image.bilateralFiltered(spatialSigma: 1e9, rangeSigma: 1e9).width == 12)
    var broken = image
    broken.samples[5] = .nan
    #expect(broken.bilateralFiltered().samples[100].isFinite)
    let mask = ProcessingFixtures.mask(width: 9, height: 9) { x, y in x == 4 && y == 4 ? 1 : 0 }
    #expect(mask.dilated(radius: .max) == Mask(width: 9, height: 9, repeating: 1))
    #expect(mask.eroded(radius: .max) == Mask(width: 9, height: 9))
    #expect(mask.feathered(radius: .infinity) == mask)
    // A disc taller than the mask: only its middle rows land.
    let strip = ProcessingFixtures.mask(width: 30, height: 3) { x, y in x == 15 && y == 1 ? 1 : 0 }.dilated(radius: 5)
    #expect(strip.area == 11 + 9 + 9 && strip[10, 1] == 1 && strip[10, 0] == 0)
  }

  @Test func erosionIgnoresTheImageBorder() {
    let full = Mask(width: 12, height: 12, repeating: 1)
    #expect(full.eroded(radius: 3) == full)
    let soft = ProcessingFixtures.mask(width: 5, height: 1) { x, _ in Float(x) / 4 }
    #expect(soft.eroded(radius: 1).values == [0, 0, 0.25, 0.5, 0.75])
    #expect(soft.dilated(radius: 1).values == [0.25, 0.5, 0.75, 1, 1])
  }
}
