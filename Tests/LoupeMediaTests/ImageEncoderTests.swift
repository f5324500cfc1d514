import LoupeMedia
import LoupeTestSupport
import Testing

@Suite(.offCooperativePool) struct ImageEncoderTests {
  @Test func pngRoundTripIsLossless() throws {
    let original = try TestMedia.decode("astronaut.png").pixels
    let encoded = try ImageEncoder.encode(original, as: .png)
    #expect(ImageFormat.sniff(encoded) == .png)
    #expect(try ImageDecoder().decode(encoded).pixels == original)
  }

  @Test func jpegRoundTripIsCloseAndQualityMatters() throws {
    let original = try TestMedia.decode("astronaut.png").pixels
    let high = try ImageEncoder.encode(original, as: .jpeg(quality: 95))
    let low = try ImageEncoder.encode(original, as: .jpeg(quality: 20))
    #expect(ImageFormat.sniff(high) == .jpeg)
    #expect(low.count < high.count)
    let highError = TestMedia.meanAbsoluteDifference(try ImageDecoder().decode(high).pixels, original)
    let lowError = TestMedia.meanAbsoluteDifference(try ImageDecoder().decode(low).pixels, original)
    #expect(highError < 3)
    #expect(lowError > highError)
  }
}
