import Foundation
import LoupeRuntime
import LoupeVision

/// Whisper (base, multilingual) in Loupe's runtime: the encoder and the key/value-cached decoder
/// converted at setup from CTranslate2's weights (`scripts/models/convert_whisper.py`), the
/// tokenizer, and the model's own decoding settings (`config.json`).
public struct WhisperModel: Sendable {
  public let tokenizer: WhisperTokenizer
  let encoder: InferenceModel
  let decoder: InferenceModel
  let rules: TimestampRules
  /// Tokens a window may hold in all (the decoder's position table), prompt included.
  let maxPositions = 448

  public init(tokenizer: WhisperTokenizer, encoder: InferenceModel, decoder: InferenceModel, config: URL) throws {
    struct Config: Decodable {
      var suppress_ids: [Int]
      var suppress_ids_begin: [Int]
    }
    let settings = try JSONDecoder().decode(Config.self, from: Data(contentsOf: config))
    guard encoder.outputs.count + 2 == decoder.inputs.count, decoder.outputs.count == 2 else {
      throw SpeechError.invalidModel("encoder and decoder do not fit together")
    }
    self.tokenizer = tokenizer
    self.encoder = encoder
    self.decoder = decoder
    rules = TimestampRules(
      tokenizer: tokenizer,
      suppress: settings.suppress_ids,
      suppressAtStart: settings.suppress_ids_begin
    )
  }

  /// The installed Whisper base.
  public static func live(
    dependencies: DependenciesDirectory,
    options: InferenceOptions = InferenceOptions(concurrentRequests: 1)
  ) throws -> WhisperModel {
    let tokenizerURL = dependencies.url(for: ModelCatalog.whisperBaseTokenizer)
    return try WhisperModel(
      tokenizer: WhisperTokenizer(contentsOf: tokenizerURL),
      encoder: dependencies.model(ModelCatalog.whisperBaseEncoder, options: options),
      decoder: dependencies.model(ModelCatalog.whisperBaseDecoder, options: options),
      config: tokenizerURL.deletingLastPathComponent().appendingPathComponent("config.json")
    )
  }

  /// The encoder's cross-attention keys and values for one window of log-mel features.
  func encode(_ features: [Float]) async throws -> [Tensor] {
    let mel = Tensor(shape: [1, LogMelSpectrogram.melCount, LogMelSpectrogram.frameCount], floats: features)
    return try await encoder.run([mel])
  }
}
