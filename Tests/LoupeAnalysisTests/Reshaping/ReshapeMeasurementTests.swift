import Foundation
import LoupeAnalysis
import LoupeMedia
import LoupeTestSupport
import LoupeVision
import Testing

/// The figures docs/models.md publishes for body reshaping, printed as Markdown rows. gdp.jpg was
/// looked at while the field was written; the two opencv-doc photos (Debian `opencv-doc`) were
/// not, and nothing was tuned on them.
@Suite(.offCooperativePool) struct ReshapeMeasurementTests {
  static let photos = [
    ReshapeFixtures.players,
    "/usr/share/doc/opencv-doc/examples/data/messi5.jpg",
    "/usr/share/doc/opencv-doc/examples/data/basketball1.png",
  ]
  static let degrees: [Double] = [-2.5, -1.5, 1, 2, 3]

  static func photo(_ path: String) throws -> PixelBuffer {
    path.hasPrefix("/")
      ? try ImageDecoder().decode(contentsOf: URL(fileURLWithPath: path)).pixels
      : try InstalledDependencies.photo(path)
  }

  @Test(arguments: photos)
  func waistAndHipsPerDegree(photo path: String) async throws {
    let photo = try Self.photo(path)
    let estimator = try ReshapeFixtures.estimator()
    let poses = try await estimator.poses(in: photo)
    try #require(!poses.isEmpty)
    let original = poses[0]
    let baseWaist = ReshapeFixtures.waistWidth(of: original)
    let baseHips = ReshapeFixtures.distance(original[.leftHip].point, original[.rightHip].point)
    var rows: [String] = []
    var fieldChanges: [Float] = []
    for degree in Self.degrees {
      let field = try #require(ReshapeField(poses: poses, strength: BodyReshaper.strength(degree: degree)))
      let fieldWaist = ReshapeFixtures.waistWidth(of: original, through: field)
      let result = try await estimator.poses(in: field.apply(to: photo))
      let again = ReshapeFixtures.pose(near: original[.nose].point, in: result)
      let seenWaist = again.map { ReshapeFixtures.waistWidth(of: $0) } ?? .nan
      let seenHips = again.map { ReshapeFixtures.distance($0[.leftHip].point, $0[.rightHip].point) } ?? .nan
      fieldChanges.append(fieldWaist / baseWaist - 1)
      rows.append(
        String(
          format: "| %@ | %d | %+.1f | %+.1f%% | %+.1f%% | %+.1f%% |",
          (path as NSString).lastPathComponent,
          poses.count,
          degree,
          100 * (fieldWaist / baseWaist - 1),
          100 * (seenWaist / baseWaist - 1),
          100 * (seenHips / baseHips - 1)
        )
      )
    }
    print(rows.joined(separator: "\n"))
    #expect(zip(fieldChanges, fieldChanges.dropFirst()).allSatisfy { $0 > $1 })
  }

  @Test func ruleStraightnessByDistance() async throws {
    let photo = try InstalledDependencies.photo(ReshapeFixtures.players)
    let margin = 600
    let (canvas, verticals) = ReshapeFixtures.ruledCanvas(around: photo, margin: margin)
    let reshaped = try await ReshapeFixtures.reshaper().reshape(canvas, degree: 3)
    var rows: [String] = []
    for x in verticals where x < margin {
      // The rule's centre in each row of the output: the mean column of its dark pixels nearby.
      var deviations: [Float] = []
      for y in 0..<canvas.height {
        var sum: Float = 0, weight: Float = 0
        for column in max(0, x - 10)...min(canvas.width - 1, x + 11) {
          let darkness = max(0, 170 - Float(reshaped[column, y].r))
          sum += darkness * Float(column)
          weight += darkness
        }
        if weight > 0 { deviations.append(abs(sum / weight - (Float(x) + 0.5))) }
      }
      rows.append(String(format: "| %d | %.2f |", margin - x, deviations.max() ?? 0))
    }
    print(rows.joined(separator: "\n"))
    #expect(!rows.isEmpty)
  }
}
