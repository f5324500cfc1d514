import LoupeMedia
import LoupeTestSupport
import Testing

@Suite(.offCooperativePool) struct ImageDecoderTests {
  static let reference = try! TestMedia.decode("astronaut.png").pixels

  /// Every format decodes to the same photo; the bound is how lossy the format is.
  @Test(arguments: [
    ("astronaut.png", ImageFormat.png, 0.0),
    ("astronaut.bmp", .bmp, 0.0),
    ("astronaut.tiff", .tiff, 0.0),
    ("astronaut-lossless.webp", .webp, 0.0),
    ("astronaut.jpg", .jpeg, 4.0),
    ("astronaut.webp", .webp, 6.0),
    ("astronaut.gif", .gif, 12.0),
  ])
  func decodesEveryFormat(name: String, format: ImageFormat, tolerance: Double) throws {
    let decoded = try TestMedia.decode(name)
    #expect(decoded.format == format)
    #expect(decoded.pixels.width == 512 && decoded.pixels.height == 512)
    #expect(TestMedia.meanAbsoluteDifference(decoded.pixels, Self.reference) <= tolerance)
  }

  @Test func decodesIcon() throws {
    let decoded = try TestMedia.decode("astronaut.ico")
    #expect(decoded.format == .ico)
    #expect(decoded.pixels.width == 256 && decoded.pixels.height == 256)
    let expected = Self.reference.resized(width: 256, height: 256, filter: .area)
    #expect(TestMedia.meanAbsoluteDifference(decoded.pixels, expected) < 6)
  }

  @Test func appliesExifOrientation() throws {
    let upright = try TestMedia.decode("wide.png").pixels
    let decoded = try TestMedia.decode("wide-exif-rotated.jpg")
    // Stored 256 wide and 512 tall; orientation 6 turns it back into the 512 × 256 original.
    #expect(decoded.pixels.width == 512 && decoded.pixels.height == 256)
    #expect(TestMedia.meanAbsoluteDifference(decoded.pixels, upright) < 4)
  }

  /// Shrink-on-load: the JPEG loader's DCT shrink (by 2 here) and libvips' resize for the rest
  /// give what decoding whole and then shrinking gives.
  @Test(arguments: ["astronaut.jpg", "astronaut.png", "astronaut.webp", "astronaut.bmp"])
  func decodesShrunkToAWorkingSize(name: String) throws {
    let decoded = try ImageDecoder().decode(try TestMedia.bytes(name), workingPixels: 200 * 200).pixels
    #expect(decoded.width == 200 && decoded.height == 200)
    let expected = Self.reference.resized(width: 200, height: 200, filter: .area)
    #expect(TestMedia.meanAbsoluteDifference(decoded, expected) < 8, "\(name)")
    let larger = try ImageDecoder().decode(try TestMedia.bytes(name), workingPixels: 4096 * 4096).pixels
    #expect(larger.width == 512 && larger.height == 512, "never enlarged")
  }

  @Test func shrinksTheStoredImageThenTurnsIt() throws {
    let upright = try TestMedia.decode("wide.png").pixels.resized(width: 128, height: 64, filter: .area)
    let decoded = try ImageDecoder().decode(try TestMedia.bytes("wide-exif-rotated.jpg"), workingPixels: 128 * 64)
      .pixels
    #expect(decoded.width == 128 && decoded.height == 64)
    #expect(TestMedia.meanAbsoluteDifference(decoded, upright) < 8)
  }

  /// A 1 KB run-length-encoded BMP that claims 10000 × 10000 (within the 100-megapixel limit):
  /// ImageMagick, which decodes BMP and ICO, runs under Loupe's resource limits, so its pixel
  /// cache (800 MB here) is refused instead of spilling to disk.
  @Test func imageMagickRunsUnderResourceLimits() throws {
    func le32(_ value: Int) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
    func le16(_ value: Int) -> [UInt8] { (0..<2).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
    var palette: [UInt8] = []
    for level in 0..<256 { palette += [UInt8(level), UInt8(level), UInt8(level), 0] }
    let data: [UInt8] = [0, 1]  // end of bitmap
    var info = le32(40) + le32(10000) + le32(10000)
    info += le16(1) + le16(8) + le32(1) + le32(data.count)
    info += le32(2835) + le32(2835) + le32(256) + le32(0)
    let offset = 14 + info.count + palette.count
    var bytes: [UInt8] = [0x42, 0x4D]
    bytes += le32(offset + data.count) + le32(0) + le32(offset)
    bytes += info + palette + data
    #expect {
      try ImageDecoder().decode(bytes)
    } throws: { error in
      guard case ImageError.corrupt(.bmp, let reason) = error else { return false }
      return reason.contains("cache resources exhausted")
    }
  }

  @Test func convertsGreyAndAlphaToRGB() throws {
    let grey = try TestMedia.decode("astronaut-grey16.png").pixels
    let (r, g, b) = grey[100, 100]
    #expect(r == g && g == b)
    #expect(grey.pixels.contains { $0 > 200 }, "16-bit values are rescaled, not clipped")

    let rgba = try TestMedia.decode("astronaut-rgba.png").pixels
    #expect(rgba[10, 10] == (255, 255, 255), "transparent pixels are flattened onto white")
    #expect(rgba[400, 100] == Self.reference[400, 100])
  }

  @Test func emptyInputIsRejected() {
    #expect(throws: ImageError.empty) { try ImageDecoder().decode([UInt8]()) }
  }

  @Test(arguments: [
    "astronaut.png", "astronaut.jpg", "astronaut.gif", "astronaut.webp", "astronaut.tiff", "astronaut.bmp",
  ])
  func truncatedInputIsCorrupt(name: String) throws {
    let bytes = try TestMedia.bytes(name)
    let format = try #require(ImageFormat.sniff(bytes))
    #expect {
      try ImageDecoder().decode(bytes.prefix(bytes.count / 2))
    } throws: { error in
      guard case .corrupt(let reported, let reason) = error as? ImageError else { return false }
      return reported == format && !reason.isEmpty
    }
  }

  @Test func corruptBodyWithValidMagicIsCorrupt() throws {
    var bytes = try TestMedia.bytes("astronaut.png")
    for index in stride(from: 40, to: bytes.count, by: 7) { bytes[index] ^= 0x5A }
    #expect {
      try ImageDecoder().decode(bytes)
    } throws: { error in
      if case .corrupt(.png, _) = error as? ImageError { return true }
      return false
    }
  }

  @Test func unknownBytesAreTriedAsPNGThenRejected() {
    #expect(throws: ImageError.unrecognizedFormat) {
      try ImageDecoder().decode(Array("definitely not an image, just some text".utf8))
    }
  }

  @Test func hugeDimensionsAreRejectedFromTheHeader() throws {
    let bomb = PNGFixtures.header(width: 100_000, height: 100_000)
    #expect(throws: ImageError.tooManyPixels(width: 100_000, height: 100_000, limit: ImageLimits.default.maxPixels)) {
      try ImageDecoder().decode(bomb)
    }
  }

  @Test func pixelLimitIsConfigurable() throws {
    let limits = ImageLimits(maxBytes: 10 << 20, maxPixels: 512 * 511)
    #expect(throws: ImageError.tooManyPixels(width: 512, height: 512, limit: 512 * 511)) {
      try TestMedia.decode("astronaut.jpg", limits: limits)
    }
  }

  @Test func byteLimitIsEnforced() throws {
    let bytes = try TestMedia.bytes("astronaut.png")
    #expect(throws: ImageError.tooManyBytes(count: bytes.count, limit: 1000)) {
      try ImageDecoder(limits: ImageLimits(maxBytes: 1000, maxPixels: 1 << 30)).decode(bytes)
    }
  }
}
