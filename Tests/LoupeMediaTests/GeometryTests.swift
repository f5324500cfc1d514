import Foundation
import LoupeMedia
import LoupeTestSupport
import Testing

@Suite(.offCooperativePool) struct GeometryTests {
  /// A 4 × 2 image whose red channel counts 0, 10, 20, … along rows.
  static let ramp = try! PixelBuffer(width: 4, height: 2, pixels: (0..<8).flatMap { [UInt8($0 * 10), 0, 255] })

  @Test func areaResizeAveragesBlocks() {
    let half = Self.ramp.resized(width: 2, height: 1, filter: .area)
    // Blocks {0,10,40,50} and {20,30,60,70}.
    #expect(half.pixels == [25, 0, 255, 45, 0, 255])
  }

  @Test func bilinearResizeInterpolatesCentres() {
    let wider = try! PixelBuffer(width: 2, height: 1, pixels: [0, 0, 0, 100, 100, 100]).resized(width: 4, height: 1)
    // Output centres map to source x = −0.25, 0.25, 0.75, 1.25 (clamped at the edges).
    #expect(wider.pixels.enumerated().filter { $0.offset % 3 == 0 }.map(\.element) == [0, 25, 75, 100])
  }

  @Test(arguments: [ResizeFilter.area, .bilinear])
  func resizeKeepsFlatColour(filter: ResizeFilter) {
    let flat = PixelBuffer(width: 37, height: 23, filledWith: (12, 200, 99))
    let resized = flat.resized(width: 11, height: 50, filter: filter)
    #expect(resized == PixelBuffer(width: 11, height: 50, filledWith: (12, 200, 99)))
  }

  @Test func cropClipsToTheImage() throws {
    let photo = try TestMedia.decode("astronaut.png").pixels
    let crop = try #require(photo.cropped(to: Rect(x: 500, y: -10, width: 50, height: 30)))
    #expect(crop.width == 12 && crop.height == 20)
    #expect(crop[0, 0] == photo[500, 0])
    #expect(photo.cropped(to: Rect(x: 600, y: 0, width: 10, height: 10)) == nil)
  }

  @Test func identityWarpCopiesPixels() throws {
    let photo = try TestMedia.decode("astronaut.png").pixels
    #expect(photo.warped(by: .identity, width: 512, height: 512) == photo)
  }

  @Test func translationWarpShiftsAndFillsBorder() throws {
    let photo = try TestMedia.decode("astronaut.png").pixels
    let shifted = try #require(
      photo.warped(
        by: AffineTransform(a: 1, b: 0, tx: 10, c: 0, d: 1, ty: 5),
        width: 512,
        height: 512,
        border: (1, 2, 3)
      )
    )
    #expect(shifted[110, 105] == photo[100, 100])
    #expect(shifted[3, 200] == (1, 2, 3))
  }

  @Test func similarityRecoversAKnownTransform() throws {
    let angle: Float = 0.3, scale: Float = 1.7
    let truth = AffineTransform(
      a: scale * cos(angle),
      b: -scale * sin(angle),
      tx: 12,
      c: scale * sin(angle),
      d: scale * cos(angle),
      ty: -7
    )
    let source = [
      Point(x: 10, y: 20), Point(x: 50, y: 22), Point(x: 30, y: 45), Point(x: 15, y: 70), Point(x: 48, y: 69),
    ]
    let estimated = try #require(AffineTransform.similarity(from: source, to: source.map(truth.apply)))
    let pairs: [(Float, Float)] = [
      (estimated.a, truth.a), (estimated.b, truth.b), (estimated.tx, truth.tx),
      (estimated.c, truth.c), (estimated.d, truth.d), (estimated.ty, truth.ty),
    ]
    for (value, expected) in pairs {
      #expect(abs(value - expected) < 1e-3)
    }
    let inverse = try #require(estimated.inverted)
    let roundTrip = inverse.apply(to: estimated.apply(to: Point(x: 3, y: 4)))
    #expect(abs(roundTrip.x - 3) < 1e-3 && abs(roundTrip.y - 4) < 1e-3)
  }

  @Test func similarityOfCoincidentPointsIsUndefined() {
    let points = Array(repeating: Point(x: 1, y: 1), count: 5)
    #expect(AffineTransform.similarity(from: points, to: points) == nil)
  }

  @Test func intersectionOverUnion() {
    let a = Rect(x: 0, y: 0, width: 10, height: 10)
    #expect(a.intersectionOverUnion(with: a) == 1)
    #expect(a.intersectionOverUnion(with: Rect(x: 5, y: 0, width: 10, height: 10)) == Float(50) / 150)
    #expect(a.intersectionOverUnion(with: Rect(x: 20, y: 20, width: 1, height: 1)) == 0)
  }
}
