import LoupeMedia
import LoupeTestSupport
import Testing

/// Damaged files must decode or fail with an `ImageError`: never crash, hang or throw anything else.
@Suite(.offCooperativePool) struct ImageMutationTests {
  @Test(arguments: [
    "astronaut.png", "astronaut.jpg", "astronaut.gif", "astronaut.webp", "astronaut.ico", "astronaut.bmp",
    "astronaut.tiff",
  ])
  func damagedFilesNeverCrash(name: String) throws {
    let original = try TestMedia.bytes(name)
    var generator = SplitMix64(seed: UInt64(name.utf8.reduce(0) { $0 &* 31 &+ UInt64($1) }))
    let decoder = ImageDecoder(limits: ImageLimits(maxBytes: 10 << 20, maxPixels: 4_000_000))
    var outcomes = (decoded: 0, failed: 0)
    for round in 0..<30 {
      var bytes = original
      switch round % 3 {
      case 0:  // flip bytes after the magic
        for _ in 0..<8 {
          let index = Int.random(in: 16..<bytes.count, using: &generator)
          bytes[index] ^= UInt8.random(in: 1...255, using: &generator)
        }
      case 1:  // cut anywhere
        bytes = Array(bytes.prefix(Int.random(in: 1..<bytes.count, using: &generator)))
      default:  // overwrite a run, header included
        let start = Int.random(in: 0..<min(bytes.count, 256), using: &generator)
        for index in start..<min(bytes.count, start + 32) {
          bytes[index] = UInt8.random(in: 0...255, using: &generator)
        }
      }
      do {
        let image = try decoder.decode(bytes)
        #expect(image.pixels.pixels.count == image.pixels.width * image.pixels.height * 3)
        outcomes.decoded += 1
      } catch is ImageError {
        outcomes.failed += 1
      }
    }
    #expect(outcomes.decoded + outcomes.failed == 30)
    #expect(outcomes.failed > 0, "damage was never detected")
  }
}
