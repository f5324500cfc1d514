import LoupeSpeech
import Testing

/// Cutting an untimed transcript where a timed one of the same audio changes segment.
struct SegmentRetimingTests {
  static func timed(_ texts: [String]) -> [WhisperSegment] {
    texts.enumerated().map {
      WhisperSegment(start: Double($0.offset) * 3, end: Double($0.offset + 1) * 3, text: $0.element)
    }
  }

  @Test func identicalTextsAreCutAtTheSegments() {
    let pieces = SegmentRetiming.split(
      " Ever tried. Ever failed. No matter.",
      along: Self.timed([" Ever tried.", " Ever failed.", " No matter."])
    )
    #expect(pieces?.map(\.text) == [" Ever tried.", " Ever failed.", " No matter."])
    #expect(pieces?.map(\.start) == [0, 3, 6])
  }

  @Test func aSentenceHeardDifferentlyKeepsItsPlace() {
    let pieces = SegmentRetiming.split(
      "午後3時からです。ありがとう、また明日。この電車は東京駅に止まりますか。",
      along: Self.timed(["午後3時からです", "ありがとうございました", "この電車は東京駅に止まりますか"])
    )
    #expect(pieces?.map(\.text) == ["午後3時からです。", "ありがとう、また明日。", "この電車は東京駅に止まりますか。"])
  }

  @Test func anInventedSegmentGetsNoText() {
    let pieces = SegmentRetiming.split(
      " Try again. Fail better.",
      along: Self.timed([" Try again.", " Thank you for watching.", " Fail better."])
    )
    #expect(pieces?.map(\.text).joined() == " Try again. Fail better.")
    #expect(pieces?.count ?? 0 >= 2)
    #expect(pieces?.first?.start == 0)
    #expect(pieces?.last?.end == 9)
  }

  @Test func oneSegmentTimesTheWholeText() {
    let pieces = SegmentRetiming.split("ありがとう", along: Self.timed(["ありがと"]))
    #expect(pieces == [WhisperSegment(start: 0, end: 3, text: "ありがとう")])
  }

  @Test func noSegmentsGiveNoTiming() {
    #expect(SegmentRetiming.split("ありがとう", along: []) == nil)
  }
}
