import Foundation
import LoupeMedia
import LoupeRuntime
import LoupeTestSupport
import Testing

@testable import LoupeSpeech

/// YAMNet against Fixtures/yamnet_golden.json (numpy features as torchaudio defines them, the
/// quantized model under onnxruntime; make_golden_yamnet.py, run once) and on made-up audio.
@Suite(.offCooperativePool) struct AudioEventTaggerTests {
  struct Golden: Decodable {
    var frames: Int
    var log_mel_stride: Int
    var log_mel: [Float]
    var patches: Int
    var top_classes: [Int]
    var top_scores: [Double]
  }

  static let golden: Golden = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/yamnet_golden.json")
    guard let data = try? Data(contentsOf: url), let golden = try? JSONDecoder().decode(Golden.self, from: data) else {
      fatalError("Fixtures/yamnet_golden.json is missing or malformed")
    }
    return golden
  }()

  static let tagger: AudioEventTagger = {
    do {
      return try AudioEventTagger.live(dependencies: InstalledDependencies.directory)
    } catch {
      fatalError("YAMNet is not installed (run ./scripts/setup): \(error)")
    }
  }()

  @Test func logMelMatchesTheReferenceFeatures() {
    let features = YAMNetFeatures()
    let logMel = features.logMel(of: SpeechGolden.beckettSamples)
    #expect(logMel.count == Self.golden.frames * 64)
    let sampled = stride(from: 0, to: logMel.count, by: Self.golden.log_mel_stride).map { logMel[$0] }
    #expect(sampled.count == Self.golden.log_mel.count)
    let worst = zip(sampled, Self.golden.log_mel).map { abs($0 - $1) }.max() ?? .infinity
    #expect(worst < 2e-3)
    #expect(features.patches(of: SpeechGolden.beckettSamples).count == Self.golden.patches)
  }

  @Test func scoresMatchOnnxruntimeOnTheQuantizedModel() async throws {
    let scores = try await Self.tagger.scores(of: SpeechGolden.beckettSamples)
    let top = scores.indices.sorted { scores[$0] > scores[$1] }.prefix(3)
    #expect(Array(top) == Array(Self.golden.top_classes.prefix(3)))
    for (index, expected) in zip(Self.golden.top_classes, Self.golden.top_scores) {
      #expect(abs(scores[index] - expected) < 0.02, "\(Self.tagger.labels[index])")
    }
  }

  @Test func speechIsTaggedSpeech() async throws {
    let events = try await Self.tagger.events(of: SpeechGolden.beckettSamples)
    #expect(events.first?.label == "Speech")
  }

  @Test func chordsAreTaggedMusic() async throws {
    let samples = try AudioDecoder.decode(url: try TestSpeech.music(seconds: 8))
    let events = try await Self.tagger.events(of: samples, threshold: 0.1)
    #expect(events.prefix(3).contains { $0.label == "Music" }, "\(events)")
    #expect(!events.contains { $0.label == "Speech" })
  }

  @Test func classMapHasAudioSetsNames() {
    #expect(Self.tagger.labels.count == 521)
    #expect(Self.tagger.labels[0] == "Speech")
    #expect(Self.tagger.labels[1] == "Child speech, kid speaking")
    #expect(Self.tagger.labels.contains("Explosion"))
    #expect(Self.tagger.labels.contains("Laughter"))
  }
}
