import LoupeMedia
import LoupeTestSupport
import LoupeVision
import Testing

@testable import LoupeAnalysis

@Suite(.offCooperativePool) struct HeadPoseTests {
  @Test func theAlignmentTemplateLooksStraightAhead() throws {
    let pose = try #require(HeadPose(landmarks: ArcFaceAlignment.template))
    #expect(abs(pose.yaw) < 1.5 && abs(pose.pitch) < 0.5 && abs(pose.roll) < 0.5, "\(pose)")
    #expect(pose.isFrontal() && pose.frontality > 0.99)
  }

  @Test func mirroringNegatesYawAndRollAndKeepsPitch() throws {
    var shifted = ArcFaceAlignment.template
    shifted[2].x += 8
    shifted[2].y += 3
    let pose = try #require(HeadPose(landmarks: shifted))
    // A mirror swaps the left and right points as well as their x.
    let mirrored = [shifted[1], shifted[0], shifted[2], shifted[4], shifted[3]].map { Point(x: 112 - $0.x, y: $0.y) }
    let mirror = try #require(HeadPose(landmarks: mirrored))
    #expect(pose.yaw > 20 && abs(pose.yaw + mirror.yaw) < 0.01 && abs(pose.pitch - mirror.pitch) < 0.01)
    #expect(!pose.isFrontal())
  }

  @Test func rollIsTheEyeLineAndDoesNotChangeYawOrPitch() throws {
    let turn = AffineTransform(a: 0.866, b: -0.5, tx: 0, c: 0.5, d: 0.866, ty: 0)
    let pose = try #require(HeadPose(landmarks: ArcFaceAlignment.template.map(turn.apply(to:))))
    #expect(abs(pose.roll - 30) < 0.5 && abs(pose.yaw) < 1.5 && abs(pose.pitch) < 0.5, "\(pose)")
  }

  @Test func noseBelowItsFrontalPlaceMeansLookingDown() throws {
    var down = ArcFaceAlignment.template
    down[2].y += 10
    let pose = try #require(HeadPose(landmarks: down))
    #expect(pose.pitch > 20 && abs(pose.yaw) < 5)
  }

  @Test func degenerateLandmarksHaveNoPose() {
    #expect(HeadPose(landmarks: Array(repeating: Point(x: 1, y: 1), count: 5)) == nil)
    #expect(HeadPose(landmarks: []) == nil)
  }
}
