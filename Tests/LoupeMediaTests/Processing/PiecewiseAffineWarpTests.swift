import Foundation
import LoupeMedia
import LoupeTestSupport
import Testing

@Suite(.offCooperativePool) struct PiecewiseAffineWarpTests {
  /// Scattered "landmarks" around the middle of a 128 × 128 image, and a box around them.
  static let landmarks: [Point] = {
    var generator = SplitMix64(seed: 77)
    let inner = (0..<40).map { _ in
      Point(x: Float(35 + 58 * generator.nextUniform()), y: Float(30 + 64 * generator.nextUniform()))
    }
    let box = [
      Point(x: 20, y: 20), Point(x: 64, y: 20), Point(x: 108, y: 20), Point(x: 108, y: 64),
      Point(x: 108, y: 108), Point(x: 64, y: 108), Point(x: 20, y: 108), Point(x: 20, y: 64),
    ]
    return inner + box
  }()

  @Test func identityCopiesInsideTheHull() throws {
    let photo = try ProcessingFixtures.astronaut(side: 128)
    let warp = try #require(PiecewiseAffineWarp(from: Self.landmarks, to: Self.landmarks))
    let (warped, coverage) = warp.warp(photo, width: 128, height: 128)
    for y in 0..<128 {
      for x in 0..<128 {
        let inside = (20...108).contains(x) && (20...108).contains(y)
        #expect(coverage[x, y] == (inside ? 1 : 0))
        for channel in 0..<3 {
          #expect(abs(warped[x, y, channel] - (inside ? photo[x, y, channel] : 0)) < 1e-3)
        }
      }
    }
  }

  @Test func affineDisplacementMatchesTheAffineWarp() throws {
    let photo = try ProcessingFixtures.photo("skimage/data/astronaut.png", side: 128)
    let angle: Float = 0.2, scale: Float = 1.1
    let transform = AffineTransform(
      a: scale * cos(angle),
      b: -scale * sin(angle),
      tx: 5,
      c: scale * sin(angle),
      d: scale * cos(angle),
      ty: -16
    )
    let warp = try #require(PiecewiseAffineWarp(from: Self.landmarks, to: Self.landmarks.map(transform.apply)))
    let (warped, coverage) = try #require(warp.warp(photo, width: 128, height: 128))
    let expected = try #require(photo.warped(by: transform, width: 128, height: 128))
    var covered = 0
    for y in 0..<128 {
      for x in 0..<128 where coverage[x, y] == 1 {
        covered += 1
        let index = (y * 128 + x) * 3
        for channel in 0..<3 {
          let difference = Int(warped.pixels[index + channel]) - Int(expected.pixels[index + channel])
          #expect(abs(difference) <= 1)
        }
      }
    }
    // The box's image under the transform: 88² px scaled by 1.1².
    #expect(abs(Float(covered) - 88 * 88 * 1.21) < 400)
  }

  @Test func movedLandmarksLandWhereTheyWereSent() throws {
    // A bright dot at one source landmark must appear at its destination.
    var image = FloatImage(width: 128, height: 128, channels: 3, repeating: 0)
    // A 4 × 4 grid 30 px apart, whose inner point moves by (4, −3): no triangle folds.
    let source = (0..<16).map { index -> Point in
      let column = index % 4, row = index / 4
      return Point(x: Float(19 + 30 * column), y: Float(19 + 30 * row))
    }
    var destination = source
    destination[5] = Point(x: source[5].x + 4, y: source[5].y - 3)
    let (sx, sy) = (49, 49)
    for channel in 0..<3 { image[sx, sy, channel] = 255 }
    let warp = try #require(PiecewiseAffineWarp(from: source, to: destination))
    let (warped, _) = warp.warp(image, width: 128, height: 128)
    var brightest = (x: 0, y: 0, value: Float(0))
    for y in 0..<128 {
      for x in 0..<128 where warped[x, y, 0] > brightest.value { brightest = (x, y, warped[x, y, 0]) }
    }
    #expect(brightest.x == sx + 4 && brightest.y == sy - 3 && brightest.value == 255)
  }

  @Test func invalidInputIsRefused() {
    #expect(PiecewiseAffineWarp(from: Self.landmarks, to: Array(Self.landmarks.dropLast())) == nil)
    let line = (0..<5).map { Point(x: Float($0), y: 0) }
    #expect(PiecewiseAffineWarp(from: line, to: line) == nil)
    let triangle = [Point(x: 0, y: 0), Point(x: 9, y: 0), Point(x: 0, y: 9)]
    #expect(PiecewiseAffineWarp(from: triangle, to: triangle, triangles: [.init(0, 1, 3)]) == nil)
    let warp = PiecewiseAffineWarp(from: triangle, to: triangle)!
    let (empty, coverage) = warp.warp(FloatImage(width: 4, height: 4), width: 0, height: 5)
    #expect(empty.isEmpty && coverage.isEmpty)
  }
}
