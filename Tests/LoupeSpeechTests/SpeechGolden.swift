import Foundation
import LoupeMedia
import LoupeTestSupport

/// Reference values for beckett.wav from faster-whisper's feature extractor, CTranslate2 and
/// silero's own ONNX under onnxruntime (Fixtures/make_golden_whisper.py, run once).
struct SpeechGolden: Decodable {
  struct Mel: Decodable {
    var stride: Int
    var values: [Float]
    var min: Float
    var max: Float
    var mean: Float
  }

  var mel: Mel
  var tokens: [Int]
  var no_speech_probability: Float
  var languages: [[LanguageScore]]
  var vad: [Float]

  enum LanguageScore: Decodable {
    case code(String)
    case probability(Float)

    init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      if let code = try? container.decode(String.self) {
        self = .code(code)
      } else {
        self = .probability(try container.decode(Float.self))
      }
    }
  }

  /// The top language and its probability.
  var topLanguage: (String, Float) {
    guard case .code(let code) = languages[0][0], case .probability(let p) = languages[0][1] else {
      fatalError("malformed languages in whisper_golden.json")
    }
    return (code, p)
  }

  static let shared: SpeechGolden = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/whisper_golden.json")
    guard let data = try? Data(contentsOf: url), let golden = try? JSONDecoder().decode(SpeechGolden.self, from: data)
    else { fatalError("Fixtures/whisper_golden.json is missing or malformed") }
    return golden
  }()

  /// beckett.wav's samples (16 kHz mono 16-bit, so decoding only rescales them).
  static let beckettSamples: [Float] = {
    guard let samples = try? AudioDecoder.decode(url: TestSpeech.beckett) else {
      fatalError("beckett.wav is missing: run ./scripts/setup")
    }
    return samples
  }()
}
