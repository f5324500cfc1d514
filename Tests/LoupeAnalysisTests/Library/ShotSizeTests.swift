import LoupeAnalysis
import LoupeTestSupport
import Testing

@Suite(.offCooperativePool) struct ShotSizeTests {
  @Test func aFaceFillingHalfTheFrameIsAnExtremeCloseUp() {
    #expect(ShotSize.classify(faceHeights: [0.6], personHeights: [1]) == .extremeCloseUp)
  }

  @Test func aFaceOfAQuarterIsACloseShot() {
    #expect(ShotSize.classify(faceHeights: [0.3, 0.05], personHeights: []) == .closeShot)
  }

  @Test func theLargestFaceDecides() {
    #expect(ShotSize.classify(faceHeights: [0.05, 0.4], personHeights: []) == .closeShot)
  }

  @Test func aFullFigureWithASmallFaceIsAFullShot() {
    #expect(ShotSize.classify(faceHeights: [0.08], personHeights: [0.6]) == .fullShot)
  }

  @Test func aPersonCutOffByTheFrameIsAMediumShot() {
    #expect(ShotSize.classify(faceHeights: [], personHeights: [0.9]) == .mediumShot)
  }

  @Test func aSmallFigureIsALongShot() {
    #expect(ShotSize.classify(faceHeights: [0.03], personHeights: [0.2]) == .longShot)
  }

  @Test func aFrameWithoutPeopleHasNoShotSize() {
    #expect(ShotSize.classify(faceHeights: [], personHeights: []) == nil)
  }
}
