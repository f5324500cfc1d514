import LoupeMedia
import LoupeTestSupport
import Testing

@Suite(.offCooperativePool) struct ImageFormatTests {
  @Test(
    arguments: [
      ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], ImageFormat.png),
      ([0xFF, 0xD8, 0xFF, 0xE0], .jpeg),
      (Array("GIF87a..".utf8), .gif),
      (Array("GIF89a..".utf8), .gif),
      (Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 ".utf8), .webp),
      ([0x00, 0x00, 0x01, 0x00, 0x01, 0x00], .ico),
      (Array("BM6\u{0}".utf8), .bmp),
      ([0x49, 0x49, 0x2A, 0x00, 8, 0], .tiff),
      ([0x4D, 0x4D, 0x00, 0x2A, 0, 0], .tiff),
    ] as [([UInt8], ImageFormat)]
  )
  func sniffsMagicBytes(bytes: [UInt8], format: ImageFormat) {
    #expect(ImageFormat.sniff(bytes) == format)
  }

  @Test(
    arguments: [
      [], [0xFF], Array("RIFF\u{0}\u{0}\u{0}\u{0}WAVE".utf8), Array("GIF90a".utf8), Array("hello world".utf8),
    ] as [[UInt8]]
  )
  func unknownBytesHaveNoFormat(bytes: [UInt8]) {
    #expect(ImageFormat.sniff(bytes) == nil)
  }

  @Test(arguments: [
    ("astronaut.png", ImageFormat.png), ("astronaut.jpg", .jpeg), ("astronaut.gif", .gif),
    ("astronaut.webp", .webp), ("astronaut.ico", .ico), ("astronaut.bmp", .bmp), ("astronaut.tiff", .tiff),
  ])
  func sniffsRealFiles(name: String, format: ImageFormat) throws {
    #expect(ImageFormat.sniff(try TestMedia.bytes(name)) == format)
  }
}
