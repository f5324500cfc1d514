import LoupeMedia
import LoupeTestSupport
import Testing

@Suite(.offCooperativePool) struct PixelBufferRotationTests {
  /// 3×2, each pixel's red value its position: 0 1 2 / 3 4 5.
  static let image = try! PixelBuffer(width: 3, height: 2, pixels: (0..<6).flatMap { [UInt8($0), 0, 9] })

  static func reds(_ image: PixelBuffer) -> [UInt8] {
    stride(from: 0, to: image.pixels.count, by: 3).map { image.pixels[$0] }
  }

  @Test func quarterTurns() {
    let clockwise = Self.image.rotated(quarterTurns: 1)
    #expect(clockwise.width == 2 && clockwise.height == 3)
    #expect(Self.reds(clockwise) == [3, 0, 4, 1, 5, 2])
    #expect(Self.reds(Self.image.rotated(quarterTurns: 2)) == [5, 4, 3, 2, 1, 0])
    #expect(Self.reds(Self.image.rotated(quarterTurns: 3)) == [2, 5, 1, 4, 0, 3])
    #expect(Self.image.rotated(quarterTurns: -1) == Self.image.rotated(quarterTurns: 3))
    #expect(Self.image.rotated(quarterTurns: 4) == Self.image)
    #expect(clockwise.rotated(quarterTurns: 3) == Self.image)
    #expect(clockwise.pixels.enumerated().allSatisfy { $0.offset % 3 != 2 || $0.element == 9 })
  }
}
