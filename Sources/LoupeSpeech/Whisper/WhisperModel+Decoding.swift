import Foundation
import LoupeRuntime

extension WhisperModel {
  /// Transcribes one window of 16 kHz audio (at most 30 s; longer is cut) by greedy decoding with
  /// timestamps and a key/value cache. `language` nil detects it from the first decoder step,
  /// among `candidates` when given (e.g. `["ja", "zh", "en"]`), else among all of Whisper's.
  public func transcribe(
    window samples: [Float],
    language: String? = nil,
    candidates: [String] = []
  ) async throws -> WhisperWindow {
    let duration = Double(min(samples.count, LogMelSpectrogram.windowSamples)) / Double(LogMelSpectrogram.sampleRate)
    let cross = try await encode(LogMelSpectrogram().features(of: samples))
    return try await decoder.withSession { session in
      try await decode(session, cross: cross, duration: duration, language: language, candidates: candidates)
    }
  }

  private func decode(
    _ session: InferenceSession,
    cross: [Tensor],
    duration: Double,
    language: String?,
    candidates: [String]
  ) async throws -> WhisperWindow {
    for (index, tensor) in cross.enumerated() {
      try session.bind(tensor, toInput: index + 2)
    }
    let layers = decoder.inputs[1].shape[0] ?? 6
    let width = decoder.inputs[1].shape[3] ?? 512
    try session.bind(Tensor(shape: [layers, 2, 0, width], floats: []), toInput: 1)

    // Step 1, start-of-transcript alone: its logits give the language and the no-speech odds.
    var logits = try await step(session, tokens: [tokenizer.startOfTranscript])
    let noSpeech = TimestampRules.logSoftmax(logits)[tokenizer.noSpeech]
    let (code, probability) = try pickLanguage(logits, given: language, candidates: candidates)

    // Step 2, the rest of the prompt; then one token per step.
    logits = try await step(session, tokens: [try tokenizer.languageToken(code), tokenizer.transcribe])
    var generated: [Int] = []
    var logProbabilitySum: Float = 0
    let room = min(maxPositions - 3, maxPositions / 2)
    while true {
      rules.apply(to: &logits, generated: generated)
      let logProbabilities = TimestampRules.logSoftmax(logits)
      var best = 0
      for index in logProbabilities.indices where logProbabilities[index] > logProbabilities[best] { best = index }
      logProbabilitySum += logProbabilities[best]
      if best == tokenizer.endOfText || generated.count + 1 >= room {
        if best != tokenizer.endOfText { generated.append(best) }
        break
      }
      generated.append(best)
      logits = try await step(session, tokens: [best])
    }
    return WhisperWindow(
      language: code,
      languageProbability: probability,
      noSpeechProbability: expf(noSpeech),
      averageLogProbability: logProbabilitySum / Float(generated.count + 1),
      tokens: generated,
      segments: segments(of: generated, duration: duration)
    )
  }

  /// Feeds `tokens` after those already in the cache and returns the last one's logits.
  private func step(_ session: InferenceSession, tokens: [Int]) async throws -> [Float] {
    try session.bind(Tensor(shape: [1, tokens.count], storage: .int64(tokens.map(Int64.init))), toInput: 0)
    try await session.run()
    try session.carry(output: 1, toInput: 1)
    return try session.output(0).floats
  }

  private func pickLanguage(
    _ logits: [Float],
    given: String?,
    candidates: [String]
  ) throws -> (String, Float) {
    if let given { return (given, 1) }
    let pool =
      try candidates.isEmpty
      ? tokenizer.languages : candidates.map { ($0, try tokenizer.languageToken($0)) }
    let scores = TimestampRules.logSoftmax(pool.map { logits[$0.token] })
    let best = scores.indices.max { scores[$0] < scores[$1] }!
    return (pool[best].code, expf(scores[best]))
  }

  /// Cuts generated tokens into segments at consecutive timestamps, as faster-whisper does;
  /// trailing text without a closing timestamp ends at the window's end.
  func segments(of tokens: [Int], duration: Double) -> [WhisperSegment] {
    let begin = tokenizer.timestampBegin
    func seconds(_ token: Int) -> Double { min(Double(token - begin) * 0.02, duration) }
    var result: [WhisperSegment] = []
    var start: Double?
    var text: [Int] = []
    for token in tokens {
      if tokenizer.isTimestamp(token) {
        if let opened = start, !text.isEmpty {
          result.append(WhisperSegment(start: opened, end: seconds(token), text: tokenizer.decode(text), tokens: text))
          text = []
          start = nil
        } else {
          start = seconds(token)
        }
      } else {
        text.append(token)
      }
    }
    if !text.isEmpty {
      result.append(WhisperSegment(start: start ?? 0, end: duration, text: tokenizer.decode(text), tokens: text))
    }
    return result.filter { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }
  }
}
