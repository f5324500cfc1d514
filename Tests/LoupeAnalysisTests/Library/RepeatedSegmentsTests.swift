import LoupeAnalysis
import LoupeTestSupport
import Testing

@Suite(.offCooperativePool) struct RepeatedSegmentsTests {
  /// A unit vector along axis `axis` of 8.
  static func axis(_ axis: Int) -> [Float] {
    (0..<8).map { $0 == axis ? 1 : 0 }
  }

  /// Clips of `seconds` each with the given picture axes, ids from `firstID`.
  static func video(
    _ pictures: [Int],
    seconds: Double = 2,
    firstID: Int64
  ) -> (duration: Double, clips: [RepeatedSegments.Clip]) {
    let clips = pictures.enumerated().map { offset, picture in
      RepeatedSegments.Clip(
        id: firstID + Int64(offset),
        start: Double(offset) * seconds,
        end: Double(offset + 1) * seconds,
        vector: axis(picture)
      )
    }
    return (Double(pictures.count) * seconds, clips)
  }

  @Test func anOpeningAtTheStartAndAfterAColdOpenIsFoundInBoth() {
    let first = Self.video([0, 1, 2, 3, 4], firstID: 0)
    let second = Self.video([5, 0, 1, 6, 7], firstID: 100)
    let labels = RepeatedSegments.label([first, second])
    #expect(labels == [0: .opening, 1: .opening, 101: .opening, 102: .opening])
  }

  @Test func anOpeningPlayedAtTheEndOfOneEpisodeStaysAnOpening() {
    let pilot = Self.video([2, 3, 4, 0, 1], firstID: 0)
    let second = Self.video([0, 1, 5, 6, 7], firstID: 100)
    let third = Self.video([0, 1, 6, 5, 2], firstID: 200)
    let labels = RepeatedSegments.label([pilot, second, third])
    #expect(labels[3] == .opening && labels[4] == .opening && labels[100] == .opening && labels[201] == .opening)
  }

  @Test func aSegmentRepeatedAtTheEndsIsAnEnding() {
    let first = Self.video([2, 3, 4, 0, 1], firstID: 0)
    let second = Self.video([5, 6, 7, 0, 1], firstID: 100)
    #expect(RepeatedSegments.label([first, second]) == [3: .ending, 4: .ending, 103: .ending, 104: .ending])
  }

  @Test func aSingleLookAlikeShotIsNoSegment() {
    let first = Self.video([0, 1, 2], firstID: 0)
    let second = Self.video([3, 1, 4], firstID: 100)
    #expect(RepeatedSegments.label([first, second]).isEmpty)
  }

  @Test func clipsOfDifferentLengthsDoNotMatch() {
    let first = Self.video([0, 1, 2], seconds: 2, firstID: 0)
    let second = Self.video([0, 1, 2], seconds: 4, firstID: 100)
    #expect(RepeatedSegments.label([first, second]).isEmpty)
  }
}
