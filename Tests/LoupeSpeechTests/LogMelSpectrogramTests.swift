import LoupeSpeech
import LoupeTestSupport
import Testing

@Suite(.offCooperativePool) struct LogMelSpectrogramTests {
  @Test func matchesFasterWhispersFeatureExtractor() {
    let golden = SpeechGolden.shared.mel
    let features = LogMelSpectrogram().features(of: SpeechGolden.beckettSamples)
    #expect(features.count == 80 * 3000)
    let sampled = stride(from: 0, to: features.count, by: golden.stride).map { features[$0] }
    #expect(sampled.count == golden.values.count)
    let worst = zip(sampled, golden.values).map { abs($0 - $1) }.max() ?? .infinity
    #expect(worst < 1e-3)
    #expect(abs(features.min()! - golden.min) < 1e-4)
    #expect(abs(features.max()! - golden.max) < 1e-4)
    let mean = features.reduce(0.0) { $0 + Double($1) } / Double(features.count)
    #expect(abs(mean - Double(golden.mean)) < 1e-4)
  }

  @Test func silenceIsFlat() {
    let features = LogMelSpectrogram().features(of: [Float](repeating: 0, count: 16_000))
    #expect(Set(features).count == 1)
  }
}
