import LoupeTestSupport
import Testing

@testable import LoupeMedia

@Suite(.offCooperativePool) struct SubtitleMarkupTests {
  /// Stripping markup is linear: a cue of many unclosed `<a` and `{\` (a quadratic scan would
  /// take hours on this one) is read in one pass, and the text around them is kept.
  @Test func markupOfHostileLengthIsStrippedInOnePass() throws {
    let hostile =
      String(repeating: "<a", count: 200_000) + "\n" + String(repeating: "{\\", count: 200_000) + "\n<i>end</i>"
    let started = ContinuousClock.now
    let plain = SubtitleMarkup.plainTaggedText(hostile, decodesEntities: true)
    #expect(plain.hasSuffix("\nend") && plain.count == 800_005)
    #expect(ContinuousClock.now - started < .seconds(30))
  }
}
