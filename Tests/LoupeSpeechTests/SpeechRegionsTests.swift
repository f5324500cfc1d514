import LoupeSpeech
import LoupeTestSupport
import Testing

/// The hysteresis that turns window probabilities (one per 512 samples) into regions.
@Suite(.offCooperativePool) struct SpeechRegionsTests {
  let window = 512
  let options = VoiceActivityOptions(minSpeechSeconds: 0.25, minSilenceSeconds: 0.5, paddingSeconds: 0)

  func probabilities(_ runs: [(Float, Int)]) -> [Float] {
    runs.flatMap { [Float](repeating: $0.0, count: $0.1) }
  }

  @Test func aShortPauseDoesNotSplitSpeech() {
    // 0.5 s of silence is 16 windows; a 10-window pause stays inside the region.
    let p = probabilities([(0, 10), (0.9, 40), (0.1, 10), (0.9, 40), (0, 40)])
    let regions = options.regions(from: p, sampleCount: p.count * window)
    #expect(regions == [SpeechRegion(start: 10 * window, end: 100 * window)])
  }

  @Test func aLongPauseSplitsSpeech() {
    let p = probabilities([(0.9, 40), (0.1, 30), (0.9, 40), (0, 40)])
    let regions = options.regions(from: p, sampleCount: p.count * window)
    #expect(regions == [SpeechRegion(start: 0, end: 40 * window), SpeechRegion(start: 70 * window, end: 110 * window)])
  }

  @Test func blipsShorterThanTheMinimumAreDropped() {
    let p = probabilities([(0, 20), (0.9, 3), (0, 60)])
    #expect(options.regions(from: p, sampleCount: p.count * window).isEmpty)
  }

  @Test func paddingSharesACloseGap() {
    var padded = options
    padded.paddingSeconds = 0.4  // 6400 samples
    let p = probabilities([(0, 40), (0.9, 40), (0.1, 20), (0.9, 40), (0, 40)])
    let regions = padded.regions(from: p, sampleCount: p.count * window)
    #expect(regions.count == 2)
    #expect(regions[0].start == 40 * window - 6400)
    #expect(regions[0].end == regions[1].start)
    #expect(regions[1].end == 140 * window + 6400)
  }

  @Test func longSpeechIsCutBelowTheMaximum() {
    var capped = options
    capped.maxSpeechSeconds = 10
    let p = probabilities([(0.9, 1000)])
    let regions = capped.regions(from: p, sampleCount: p.count * window)
    #expect(regions.count > 1)
    #expect(regions.allSatisfy { $0.end - $0.start <= 10 * 16_000 })
  }
}
