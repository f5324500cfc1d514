import LoupeRuntime
import LoupeSpeech
import LoupeTestSupport
import Testing

@Suite(.serialized, .offCooperativePool) struct WhisperModelTests {
  static let model: WhisperModel = {
    do {
      return try WhisperModel.live(
        dependencies: InstalledDependencies.directory,
        options: InferenceOptions(precision: .f32, threads: 2, concurrentRequests: 1)
      )
    } catch {
      fatalError("Whisper base is not installed: \(error)")
    }
  }()

  @Test func greedyTokensMatchCTranslate2() async throws {
    let window = try await Self.model.transcribe(window: SpeechGolden.beckettSamples, language: "en")
    #expect(window.tokens == SpeechGolden.shared.tokens)
    #expect(abs(window.noSpeechProbability - SpeechGolden.shared.no_speech_probability) < 0.01)
  }

  @Test func detectsTheLanguageAsCTranslate2Does() async throws {
    let window = try await Self.model.transcribe(window: SpeechGolden.beckettSamples)
    let (code, probability) = SpeechGolden.shared.topLanguage
    #expect(window.language == code)
    #expect(abs(window.languageProbability - probability) < 0.01)
  }

  // The texts and times are what the golden tokens spell: 50514 is <|3.00|>, 50664 <|6.00|>.
  @Test func cutsSegmentsAtTimestamps() async throws {
    let window = try await Self.model.transcribe(window: SpeechGolden.beckettSamples, language: "en")
    #expect(
      window.segments.map(\.text) == [
        " Never tried, ever failed.", " No matter, try again.", " Fail again. Fail better.",
      ]
    )
    #expect(window.segments.map(\.start) == [0, 3, 6])
    #expect(window.segments.map(\.end) == [3, 6, 9])
  }

  @Test func untimedDecodingGivesTheWindowAsOneSegment() async throws {
    let window = try await Self.model.transcribe(
      window: SpeechGolden.beckettSamples,
      language: "en",
      decoding: WhisperDecoding(timing: .untimed)
    )
    #expect(!window.tokens.contains(where: Self.model.tokenizer.isTimestamp))
    #expect(window.segments.count == 1)
    #expect(window.segments.first?.start == 0)
    #expect(window.segments.first?.text.lowercased().contains("try again") == true)
  }

  // Beam search keeps the best of several readings: on this clip it finds the same words as
  // greedy decoding (the golden tokens) or better, never a longer or looping text.
  @Test func beamSearchReadsAtLeastAsWellAsGreedy() async throws {
    let greedy = try await Self.model.transcribe(
      window: SpeechGolden.beckettSamples,
      language: "en",
      decoding: WhisperDecoding(timing: .untimed)
    )
    let beam = try await Self.model.transcribe(
      window: SpeechGolden.beckettSamples,
      language: "en",
      decoding: WhisperDecoding(timing: .untimed, beamSize: 5)
    )
    #expect(beam.averageLogProbability >= greedy.averageLogProbability - 0.05)
    #expect(beam.tokens.count <= greedy.tokens.count + 3)
    #expect(beam.segments.first?.text.lowercased().contains("fail better") == true)
  }

  @Test func passesShareTheDetectedLanguage() async throws {
    let windows = try await Self.model.transcribe(
      window: SpeechGolden.beckettSamples,
      passes: [WhisperDecoding(timing: .untimed), WhisperDecoding(timing: .timestamps)]
    )
    #expect(windows.map(\.language) == ["en", "en"])
    #expect(windows[1].languageProbability == windows[0].languageProbability)
    #expect(windows[1].tokens == SpeechGolden.shared.tokens)
  }

  @Test func detectionCanBeLimitedToCandidates() async throws {
    let window = try await Self.model.transcribe(window: SpeechGolden.beckettSamples, candidates: ["ja", "zh"])
    #expect(["ja", "zh"].contains(window.language))
  }

  @Test func unknownLanguagesAreRefused() async throws {
    await #expect(throws: SpeechError.unknownLanguage("xx")) {
      try await Self.model.transcribe(window: [Float](repeating: 0, count: 16_000), language: "xx")
    }
  }
}
