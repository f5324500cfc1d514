import LoupeMedia
import LoupeRuntime
import LoupeTestSupport
import LoupeVision
import Testing

@Suite(.offCooperativePool) struct PoseEstimatorTests {
  static func estimator() throws -> PoseEstimator {
    try PoseEstimator.live(
      dependencies: VisionFixtures.dependencies,
      options: InferenceOptions(precision: .f32, threads: 2)
    )
  }

  @Test func threePlayersAreThreePoses() async throws {
    // gdp.jpg: three basketball players side by side, waist to knee in view.
    let poses = try await Self.estimator().poses(in: try VisionFixtures.photo(VisionFixtures.gdp))
    #expect(poses.count == 3)
    // One pose per player, its nose in that player's face (SCRFD's face centres, 60–90 px faces),
    // the middle player, half hidden behind the right one, included.
    for face in [Point(x: 161, y: 78), Point(x: 298, y: 106), Point(x: 380, y: 161)] {
      let nearest = poses.map { pose in
        let nose = pose[.nose].point
        return ((nose.x - face.x) * (nose.x - face.x) + (nose.y - face.y) * (nose.y - face.y)).squareRoot()
      }.min()
      #expect((nearest ?? .infinity) < 30, "no pose for the face at \(face)")
    }
  }

  @Test func eachPoseHasItsBodyInOrder() async throws {
    let poses = try await Self.estimator().poses(in: try VisionFixtures.photo(VisionFixtures.gdp))
    for pose in poses {
      // Upright people: head above shoulders above hips above knees.
      #expect(pose[.nose].point.y < pose[.leftShoulder].point.y)
      #expect(pose[.leftShoulder].point.y < pose[.leftHip].point.y)
      #expect(pose[.leftHip].point.y < pose[.leftKnee].point.y)
      // Facing the camera: the person's left is on the image's right.
      #expect(pose[.leftShoulder].point.x > pose[.rightShoulder].point.x)
    }
  }

  @Test func theMostProminentPlayersMaskCoversTheirChestAndNotTheBackground() async throws {
    let pose = try #require(try await Self.estimator().poses(in: try VisionFixtures.photo(VisionFixtures.gdp)).first)
    let chest = midpoint(pose, .leftShoulder, .rightShoulder)
    #expect(pose.mask.probability(x: chest.x, y: chest.y) > 0.5)
    // The top right corner is crowd, well outside the player.
    #expect(pose.mask.probability(x: 495, y: 5) < 0.5)
  }

  @Test func blankImageHasNoPose() async throws {
    let poses = try await Self.estimator().poses(in: PixelBuffer(width: 320, height: 240, filledWith: (128, 128, 128)))
    #expect(poses.isEmpty)
  }

  @Test func aCatIsNoPerson() async throws {
    #expect(try await Self.estimator().poses(in: try VisionFixtures.photo("skimage/data/chelsea.png")).isEmpty)
  }

  private func midpoint(_ pose: BodyPose, _ a: PoseLandmarkKind, _ b: PoseLandmarkKind) -> Point {
    Point(x: (pose[a].point.x + pose[b].point.x) / 2, y: (pose[a].point.y + pose[b].point.y) / 2)
  }
}
