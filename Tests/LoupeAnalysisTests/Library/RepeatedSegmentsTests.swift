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

  /// Clips with the given lengths and picture axes, back to back, ids from `firstID`.
  static func video(
    lengths: [Double],
    pictures: [Int],
    firstID: Int64
  ) -> (duration: Double, clips: [RepeatedSegments.Clip]) {
    var start = 0.0
    let clips = zip(lengths, pictures).enumerated().map { offset, clip in
      defer { start += clip.0 }
      return RepeatedSegments.Clip(id: firstID + Int64(offset), start: start, end: start + clip.0, vector: axis(clip.1))
    }
    return (start, clips)
  }

  @Test func clipsMatchUpToTheLengthToleranceAndNoFurther() {
    // Lengths 0.5 s apart still match (a run of two, 4.5 s); 0.51 s apart do not.
    let first = Self.video(lengths: [2, 2.5, 9], pictures: [0, 1, 2], firstID: 0)
    let within = Self.video(lengths: [2.5, 3, 9], pictures: [0, 1, 3], firstID: 100)
    let beyond = Self.video(lengths: [2.5, 3.01, 9], pictures: [0, 1, 3], firstID: 200)
    #expect(RepeatedSegments.label([first, within]) == [0: .opening, 1: .opening, 100: .opening, 101: .opening])
    #expect(RepeatedSegments.label([first, beyond]).isEmpty)
  }
}
