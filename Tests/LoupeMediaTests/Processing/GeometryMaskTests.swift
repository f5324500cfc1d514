import Foundation
import LoupeMedia
import LoupeTestSupport
import Testing

@Suite(.offCooperativePool) struct GeometryMaskTests {
  @Test func convexHullKeepsOnlyCorners() {
    var generator = SplitMix64(seed: 21)
    var points = (0..<60).map { _ in
      Point(x: Float(10 + 80 * generator.nextUniform()), y: Float(10 + 80 * generator.nextUniform()))
    }
    points += [
      Point(x: 0, y: 0), Point(x: 50, y: 0), Point(x: 100, y: 0), Point(x: 100, y: 100), Point(x: 0, y: 100),
      Point(x: 0, y: 0),
    ]
    let hull = Polygon.convexHull(of: points)
    #expect(Set(hull.vertices) == [Point(x: 0, y: 0), Point(x: 100, y: 0), Point(x: 100, y: 100), Point(x: 0, y: 100)])
    #expect(hull.signedArea == 10_000)
    #expect(Polygon.convexHull(of: [Point(x: 1, y: 1), Point(x: 1, y: 1)]).vertices == [Point(x: 1, y: 1)])
  }

  @Test func convexHullHoldsEveryPoint() {
    var generator = SplitMix64(seed: 8)
    let points = (0..<200).map { _ in
      Point(x: Float(generator.nextGaussian() * 30), y: Float(generator.nextGaussian() * 20))
    }
    let hull = Polygon.convexHull(of: points).vertices
    #expect(hull.count >= 3)
    for (index, a) in hull.enumerated() {
      let b = hull[(index + 1) % hull.count]
      for point in points {
        let cross = (b.x - a.x) * (point.y - a.y) - (b.y - a.y) * (point.x - a.x)
        #expect(cross >= -1e-3)
      }
    }
  }

  @Test func pixelAlignedRectangleFillsWholePixels() {
    let rectangle = Polygon([
      Point(x: 9.5, y: 4.5), Point(x: 19.5, y: 4.5), Point(x: 19.5, y: 14.5), Point(x: 9.5, y: 14.5),
    ])
    let mask = Mask(polygon: rectangle, width: 30, height: 20)
    #expect(mask.area == 100)
    #expect(mask[10, 5] == 1 && mask[19, 14] == 1 && mask[9, 5] == 0 && mask[20, 10] == 0)
    // Shifted by half a pixel, the border pixels are half covered.
    let shifted = Polygon(rectangle.vertices.map { Point(x: $0.x + 0.5, y: $0.y) })
    let half = Mask(polygon: shifted, width: 30, height: 20)
    #expect(half[10, 8] == 0.5 && half[20, 8] == 0.5 && half[15, 8] == 1)
  }

  @Test func triangleCoverageSumsToItsArea() {
    let triangle = Polygon([Point(x: 3.2, y: 2.7), Point(x: 40.9, y: 11.3), Point(x: 14.1, y: 35.6)])
    let mask = Mask(polygon: triangle, width: 48, height: 40)
    #expect(abs(mask.area - abs(triangle.signedArea)) < 0.002 * abs(triangle.signedArea))
    let edgeValues = mask.values.filter { $0 > 0 && $0 < 1 }
    #expect(!edgeValues.isEmpty)
  }

  @Test func windingRuleFillsFoldedOutlines() {
    // A pentagram: its centre is wound twice, which the even-odd rule would leave empty.
    let star = Polygon(
      (0..<5).map { step in
        let angle = Float(step * 2) * 2 * .pi / 5 - .pi / 2
        return Point(x: 32 + 28 * cos(angle), y: 32 + 28 * sin(angle))
      }
    )
    let mask = Mask(polygon: star, width: 64, height: 64)
    #expect(mask[32, 32] == 1 && mask[32, 8] == 1 && mask[2, 2] == 0)
  }

  @Test func unionDoesNotCancelOppositeOrders() {
    let square = [Point(x: 2, y: 2), Point(x: 12, y: 2), Point(x: 12, y: 12), Point(x: 2, y: 12)]
    let reversed = square.reversed().map { Point(x: $0.x + 5, y: $0.y) }
    let mask = Mask(polygons: [Polygon(square), Polygon(reversed)], width: 20, height: 16)
    #expect(mask[9, 7] == 1 && mask[4, 7] == 1 && mask[15, 7] == 1)
    #expect(mask.area == 150)
    #expect(Mask(polygon: Polygon([Point(x: 1, y: 1), Point(x: 5, y: 5)]), width: 8, height: 8).area == 0)
    #expect(Mask(polygon: Polygon(square), width: 0, height: 0).isEmpty)
  }

  @Test func farOffVerticesDoNotTrap() {
    let huge = Polygon([Point(x: -1e30, y: -1e30), Point(x: 1e30, y: 0), Point(x: 5, y: 1e30)])
    #expect(Mask(polygon: huge, width: 8, height: 8).area == 0)
    let partly = Polygon([
      Point(x: 1, y: 1), Point(x: 6, y: 1), Point(x: .infinity, y: 3), Point(x: 6, y: 6), Point(x: 1, y: 6),
    ])
    #expect(Mask(polygon: partly, width: 8, height: 8).area == 25)
    let source = [Point(x: 0, y: 0), Point(x: 9, y: 0), Point(x: 0, y: 9)]
    let far = [Point(x: 0, y: 0), Point(x: 1e30, y: 0), Point(x: 0, y: 9)]
    let warp = PiecewiseAffineWarp(from: source, to: far, triangles: [.init(0, 1, 2)])
    #expect(warp?.warp(FloatImage(width: 4, height: 4), width: 8, height: 8).coverage.area == 0)
  }

  @Test func featheringRampsAcrossTheRadius() {
    let half = ProcessingFixtures.mask(width: 60, height: 3) { x, _ in x < 30 ? 1 : 0 }
    let feathered = half.feathered(radius: 8)
    // The edge lies between pixels 29 and 30; 7.5 px (1.875 σ) from it the ramp is at 3 % and 97 %.
    #expect(abs(feathered[29, 1] + feathered[30, 1] - 1) < 1e-5)
    #expect(abs(feathered[22, 1] - 0.97) < 0.01 && abs(feathered[37, 1] - 0.03) < 0.01)
    #expect(feathered[0, 0] > 0.999 && feathered[59, 0] < 0.001)
  }
}
