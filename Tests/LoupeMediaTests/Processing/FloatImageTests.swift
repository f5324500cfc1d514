import LoupeMedia
import LoupeTestSupport
import Testing

@Suite(.offCooperativePool) struct FloatImageTests {
  @Test func photoRoundTripsExactly() throws {
    let photo = try ProcessingFixtures.photo("skimage/data/astronaut.png")
    let image = FloatImage(photo)
    #expect(image.width == 128 && image.height == 128 && image.channels == 3)
    #expect(image[5, 7, 1] == Float(photo[5, 7].g))
    #expect(PixelBuffer(image) == photo)
  }

  @Test func conversionRoundsAndClamps() throws {
    let image = try #require(
      FloatImage(width: 2, height: 1, channels: 3, samples: [-3, 0.49, 0.5, 254.4, 300, .nan])
    )
    #expect(PixelBuffer(image)?.pixels == [0, 0, 1, 254, 255, 0])
  }

  @Test func shapesAreChecked() {
    #expect(FloatImage(width: 2, height: 2, channels: 3, samples: [0, 1]) == nil)
    #expect(FloatImage(width: -1, height: 0, channels: 3, samples: []) == nil)
    let empty = FloatImage(width: 0, height: 0)
    #expect(empty.isEmpty && PixelBuffer(empty) == nil)
    #expect(PixelBuffer(FloatImage(width: 2, height: 2, channels: 1)) == nil)
  }

  @Test func maskValuesAreClampedAndCombine() throws {
    let mask = try #require(Mask(width: 2, height: 2, values: [-1, 0.25, 2, .nan]))
    #expect(mask.values == [0, 0.25, 1, 0])
    let other = try #require(Mask(width: 2, height: 2, values: [0.5, 0.5, 0.5, 0.5]))
    #expect(mask.union(other)?.values == [0.5, 0.5, 1, 0.5])
    #expect(mask.intersection(other)?.values == [0, 0.25, 0.5, 0])
    #expect(mask.inverted().values == [1, 0.75, 0, 1])
    #expect(mask.union(Mask(width: 1, height: 1)) == nil)
    #expect(mask.area == 1.25)
  }

  @Test func maskBoundingBox() {
    let mask = ProcessingFixtures.mask(width: 10, height: 8) { x, y in (3...5).contains(x) && y == 6 ? 1 : 0 }
    #expect(mask.boundingBox() == Rect(minX: 3, minY: 6, maxX: 6, maxY: 7))
    #expect(Mask(width: 4, height: 4).boundingBox() == nil)
  }

  @Test func blendedMixesByTheMask() throws {
    let a = FloatImage(width: 2, height: 1, channels: 3, repeating: 100)
    let b = FloatImage(width: 2, height: 1, channels: 3, repeating: 200)
    let mask = try #require(Mask(width: 2, height: 1, values: [0, 0.25]))
    #expect(a.blended(with: b, mask: mask)?.samples == [100, 100, 100, 125, 125, 125])
    #expect(a.blended(with: b, mask: Mask(width: 2, height: 1, repeating: 1)) == b)
    #expect(a.blended(with: b, mask: Mask(width: 3, height: 1)) == nil)
    #expect(a.blended(with: FloatImage(width: 2, height: 1, channels: 1), mask: mask) == nil)
  }
}
