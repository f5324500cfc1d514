import Foundation
import LoupeMedia
import LoupeTestSupport
import Testing

@Suite(.offCooperativePool) struct UpscaleTests {
  /// A smooth pattern in fine-grid coordinates.
  static func pattern(_ x: Double, _ y: Double) -> Double {
    128 + 90 * sin(2 * .pi * x / 13) * cos(2 * .pi * y / 17)
  }

  static func sampled(side: Int, scale: Double) -> PixelBuffer {
    var pixels: [UInt8] = []
    for y in 0..<side {
      for x in 0..<side {
        // Coarse pixel centres sit at the middle of their 2 × 2 block of fine pixels.
        let value = pattern((Double(x) + 0.5) * scale - 0.5, (Double(y) + 0.5) * scale - 0.5)
        pixels += [UInt8](repeating: UInt8(value.rounded()), count: 3)
      }
    }
    return try! PixelBuffer(width: side, height: side, pixels: pixels)
  }

  static func rootMeanSquareError(_ a: PixelBuffer, _ b: PixelBuffer, border: Int) -> Double {
    var total = 0.0, count = 0
    for y in border..<(a.height - border) {
      for x in border..<(a.width - border) {
        let difference = Double(a[x, y].r) - Double(b[x, y].r)
        total += difference * difference
        count += 1
      }
    }
    return (total / Double(count)).squareRoot()
  }

  @Test func lanczosAndBicubicBeatBilinearOnSmoothDetail() {
    let truth = Self.sampled(side: 128, scale: 1)
    let coarse = Self.sampled(side: 64, scale: 2)
    let bilinear = Self.rootMeanSquareError(coarse.upscaled(filter: .bilinear), truth, border: 6)
    let bicubic = Self.rootMeanSquareError(coarse.upscaled(filter: .bicubic), truth, border: 6)
    let lanczos = Self.rootMeanSquareError(coarse.upscaled(), truth, border: 6)
    #expect(lanczos < bilinear / 3)
    #expect(bicubic < bilinear / 2)
    #expect(coarse.upscaled().width == 128 && coarse.upscaled(by: 1) == coarse)
  }

  @Test func lanczosRestoresAHalvedPhotoBetterThanBilinear() throws {
    let photo = try ProcessingFixtures.photo("skimage/data/astronaut.png", side: 256)
    let half = photo.resized(width: 128, height: 128, filter: .area)
    let bilinear = try #require(photo.peakSignalToNoiseRatio(to: half.upscaled(filter: .bilinear)))
    let lanczos = try #require(photo.peakSignalToNoiseRatio(to: half.upscaled()))
    #expect(lanczos > bilinear + 0.5)
  }

  @Test(arguments: [ResizeFilter.bicubic, .lanczos3])
  func kernelFiltersKeepFlatColourBothWays(filter: ResizeFilter) {
    let flat = PixelBuffer(width: 37, height: 23, filledWith: (12, 200, 99))
    #expect(
      flat.resized(width: 80, height: 46, filter: filter)
        == PixelBuffer(width: 80, height: 46, filledWith: (12, 200, 99))
    )
    #expect(
      flat.resized(width: 9, height: 7, filter: filter) == PixelBuffer(width: 9, height: 7, filledWith: (12, 200, 99))
    )
  }

  @Test func shrinkingWithLanczosAveragesFineStripes() throws {
    // One-pixel stripes shrunk 4×: a low-passing filter gives their mean, not a stripe (away
    // from the ends, where the taps fold onto the edge stripe).
    let stripes = try PixelBuffer(
      width: 64,
      height: 8,
      pixels: (0..<(64 * 8)).flatMap { [UInt8]($0 % 2 == 0 ? [40, 40, 40] : [200, 200, 200]) }
    )
    let small = stripes.resized(width: 16, height: 2, filter: .lanczos3)
    for x in 3..<13 {
      #expect(abs(Int(small[x, 1].r) - 120) <= 3)
    }
  }
}
