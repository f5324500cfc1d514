import LoupeAnalysis
import LoupeMedia
import LoupeTestSupport
import LoupeVision
import Testing

@Suite(.offCooperativePool) struct BodyReshaperTests {
  static let degrees: [Double] = [-2.5, -1.5, 0, 1, 2, 3]

  @Test func everyWaistNarrowsAsDegreeRises() async throws {
    let photo = try InstalledDependencies.photo(ReshapeFixtures.players)
    let poses = try await ReshapeFixtures.estimator().poses(in: photo)
    #expect(poses.count == 3)
    // The players whose own mask covers their waist's centre (the middle one stands half behind
    // the right one, whose arm hides his waist).
    let measurable = poses.filter { ReshapeFixtures.waistWidth(of: $0) > 0 }
    #expect(measurable.count >= 2)
    for pose in measurable {
      // Each player's own mask, read through the warp at each degree.
      let widths = try Self.degrees.map { degree in
        let field = try #require(ReshapeField(poses: poses, strength: BodyReshaper.strength(degree: degree)))
        return ReshapeFixtures.waistWidth(of: pose, through: field)
      }
      #expect(zip(widths, widths.dropFirst()).allSatisfy { $0 > $1 }, "\(widths)")
    }
  }

  @Test func thePoseModelSeesTheWaistNarrowInTheResult() async throws {
    let photo = try InstalledDependencies.photo(ReshapeFixtures.players)
    let estimator = try ReshapeFixtures.estimator()
    let reshaper = BodyReshaper(estimator: estimator)
    // The unoccluded player the detector finds first, measured again by the models in each result.
    let original = try #require(try await estimator.poses(in: photo).first)
    var widths: [Float] = []
    for degree in [-2.5, 0, 3] {
      let poses = try await estimator.poses(in: try await reshaper.reshape(photo, degree: degree))
      let pose = try #require(ReshapeFixtures.pose(near: original[.nose].point, in: poses))
      widths.append(ReshapeFixtures.waistWidth(of: pose))
    }
    #expect(widths[0] > widths[1] && widths[1] > widths[2], "\(widths)")
  }

  @Test func degreeZeroLeavesThePhotoAsItIs() async throws {
    let photo = try InstalledDependencies.photo(ReshapeFixtures.players)
    #expect(try await ReshapeFixtures.reshaper().reshape(photo, degree: 0) == photo)
  }

  @Test func backgroundLinesAwayFromThePeopleStayExactlyWhereTheyWere() async throws {
    let photo = try InstalledDependencies.photo(ReshapeFixtures.players)
    let (canvas, verticals) = ReshapeFixtures.ruledCanvas(around: photo, margin: 600)
    let reshaped = try await ReshapeFixtures.reshaper().reshape(canvas, degree: 3)
    #expect(reshaped != canvas)
    // The horizontal rules above the photo and the vertical rules in the outer margins are
    // pixel-identical: the field is exactly zero beyond its reach.
    for y in 0..<40 {
      for x in 0..<canvas.width { #expect(reshaped[x, y] == canvas[x, y]) }
    }
    // The rules at least 400 pixels (over 2.5 body half-widths) from the photo's edges.
    for x in verticals where x < 200 || x > canvas.width - 200 {
      for y in 0..<canvas.height { #expect(reshaped[x, y] == canvas[x, y], "rule at x = \(x)") }
    }
  }

  @Test func headsKeepTheirShape() async throws {
    let photo = try InstalledDependencies.photo(ReshapeFixtures.players)
    let poses = try await ReshapeFixtures.estimator().poses(in: photo)
    let reshaped = try await ReshapeFixtures.reshaper().reshape(photo, degree: 3)
    for pose in poses {
      // Everything within the ears' span of the nose (eyes, mouth, ears) is untouched.
      let nose = pose[.nose].point
      let radius = ReshapeFixtures.distance(pose[.leftEar].point, pose[.rightEar].point)
      for y in Int(nose.y - radius)...Int(nose.y + radius) where y >= 0 && y < photo.height {
        for x in Int(nose.x - radius)...Int(nose.x + radius) where x >= 0 && x < photo.width {
          guard ReshapeFixtures.distance(Point(x: Float(x), y: Float(y)), nose) < radius else { continue }
          #expect(reshaped[x, y] == photo[x, y], "(\(x), \(y)) in the head at \(nose)")
        }
      }
    }
  }

  @Test func aPhotoWithoutPeopleIsRefusedAsPAIDoes() async throws {
    let coffee = try InstalledDependencies.photo("skimage/data/coffee.png")
    await #expect(throws: AnalysisError.invalidInput("no person in image")) {
      try await ReshapeFixtures.reshaper().reshape(coffee, degree: 1)
    }
  }
}
