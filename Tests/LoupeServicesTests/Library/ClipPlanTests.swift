import LoupeMedia
import LoupeServices
import LoupeTestSupport
import Testing

@Suite(.offCooperativePool) struct ClipPlanTests {
  @Test func aShortShotIsOneClip() {
    let parts = ClipPlan.parts(start: 3, end: 9.5, maxSeconds: 10)
    #expect(parts.count == 1 && parts[0] == (3, 9.5))
  }

  @Test func aLongShotIsSplitIntoEqualPartsNoLongerThanTheLimit() {
    let parts = ClipPlan.parts(start: 0, end: 25, maxSeconds: 10)
    #expect(parts.map(\.start) == [0, 25.0 / 3, 50.0 / 3] && parts.last?.end == 25)
  }

  @Test func cuesGoToTheClipsTheyOverlap() {
    let cues = [
      SubtitleCue(start: 0.5, end: 2.5, text: "first"), SubtitleCue(start: 2.9, end: 3.2, text: "brief"),
      SubtitleCue(start: 3.8, end: 6, text: "across"),
    ]
    #expect(SubtitleAlignment.text(for: (0, 4), cues: cues) == "first\nbrief")
    #expect(SubtitleAlignment.text(for: (4, 8), cues: cues) == "across")
    #expect(SubtitleAlignment.text(for: (8, 9), cues: cues) == nil)
  }
}
