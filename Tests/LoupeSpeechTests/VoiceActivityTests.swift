import LoupeRuntime
import LoupeSpeech
import LoupeTestSupport
import Testing

@Suite(.offCooperativePool) struct VoiceActivityTests {
  static let detector: VoiceActivityDetector = {
    guard let detector = try? VoiceActivityDetector.live(dependencies: InstalledDependencies.directory) else {
      fatalError("silero VAD is not installed")
    }
    return detector
  }()

  @Test func probabilitiesMatchSilerosOwnModel() async throws {
    let probabilities = try await Self.detector.probabilities(of: SpeechGolden.beckettSamples)
    let golden = SpeechGolden.shared.vad
    #expect(probabilities.count == golden.count)
    let worst = zip(probabilities, golden).map { abs($0 - $1) }.max() ?? .infinity
    #expect(worst < 0.01)
  }

  @Test func chunkingDoesNotChangeTheProbabilities() async throws {
    let samples = SpeechGolden.beckettSamples
    let whole = try await Self.detector.probabilities(of: samples)
    let stream = Self.detector.stream()
    var chunked: [Float] = []
    for start in stride(from: 0, to: samples.count, by: 1234) {
      chunked += try await stream.feed(Array(samples[start..<min(start + 1234, samples.count)]))
    }
    chunked += try await stream.finish()
    #expect(chunked == whole)
  }

  @Test func findsTheSpeechInBeckett() async throws {
    let samples = SpeechGolden.beckettSamples
    let probabilities = try await Self.detector.probabilities(of: samples)
    let regions = VoiceActivityOptions().regions(from: probabilities, sampleCount: samples.count)
    #expect(!regions.isEmpty)
    #expect(regions.allSatisfy { $0.start < $0.end && $0.end <= samples.count })
    let speech = regions.reduce(0) { $0 + $1.end - $1.start }
    #expect(Double(speech) > 0.5 * Double(samples.count))
  }

  @Test func silenceHasNoSpeech() async throws {
    let silence = [Float](repeating: 0, count: 5 * 16_000)
    let probabilities = try await Self.detector.probabilities(of: silence)
    #expect(VoiceActivityOptions().regions(from: probabilities, sampleCount: silence.count).isEmpty)
  }
}
