import Foundation
import LoupeRuntime

extension WhisperModel {
  /// Transcribes one window of 16 kHz audio (at most 30 s; longer is cut) with a key/value cache,
  /// greedily and with timestamps unless `decoding` says otherwise. `language` nil detects it
  /// from the first decoder step, among `candidates` when given (e.g. `["ja", "zh", "en"]`), else
  /// among all of Whisper's.
  public func transcribe(
    window samples: [Float],
    language: String? = nil,
    candidates: [String] = [],
    decoding: WhisperDecoding = WhisperDecoding()
  ) async throws -> WhisperWindow {
    try await transcribe(window: samples, language: language, candidates: candidates, passes: [decoding])[0]
  }

  /// One encoder run, then one decoding per entry of `passes`, in order; the first decides the
  /// language when `language` is nil and the others decode in it.
  public func transcribe(
    window samples: [Float],
    language: String? = nil,
    candidates: [String] = [],
    passes: [WhisperDecoding]
  ) async throws -> [WhisperWindow] {
    let duration = Double(min(samples.count, LogMelSpectrogram.windowSamples)) / Double(LogMelSpectrogram.sampleRate)
    let cross = try await encode(LogMelSpectrogram().features(of: samples))
    var windows: [WhisperWindow] = []
    for pass in passes {
      let decided = windows.first.map(\.language) ?? language
      var window = try await decoder.withSession { session in
        try await decode(
          session,
          cross: cross,
          duration: duration,
          language: decided,
          candidates: candidates,
          pass: pass
        )
      }
      // Later passes were told the language; the detection's odds are the first pass's.
      if let first = windows.first { window.languageProbability = first.languageProbability }
      windows.append(window)
    }
    return windows
  }

  private func decode(
    _ session: InferenceSession,
    cross: [Tensor],
    duration: Double,
    language: String?,
    candidates: [String],
    pass: WhisperDecoding
  ) async throws -> WhisperWindow {
    for (index, tensor) in cross.enumerated() {
      try session.bind(tensor, toInput: index + 2)
    }
    let layers = decoder.inputs[1].shape[0] ?? 6
    let width = decoder.inputs[1].shape[3] ?? 512
    try session.bind(Tensor(shape: [layers, 2, 0, width], floats: []), toInput: 1)

    // Step 1, start-of-transcript alone: its logits give the language and the no-speech odds.
    let first = try await step(session, tokens: [tokenizer.startOfTranscript])
    let noSpeech = TimestampRules.logSoftmax(first)[tokenizer.noSpeech]
    let (code, probability) = try pickLanguage(first, given: language, candidates: candidates)

    // Step 2, the rest of the prompt; then one token per step.
    var prompt = [try tokenizer.languageToken(code), tokenizer.transcribe]
    if pass.timing == .untimed { prompt.append(tokenizer.noTimestamps) }
    let logits = try await step(session, tokens: prompt)
    let room = min(maxPositions - 1 - prompt.count, maxPositions / 2)
    let (generated, logProbabilitySum) =
      pass.beamSize > 1
      ? try await beamSearch(session, logits: logits, cache: try session.output(1), room: room, pass: pass)
      : try await greedy(session, logits: logits, room: room, timing: pass.timing)
    let segments: [WhisperSegment]
    switch pass.timing {
    case .timestamps: segments = self.segments(of: generated, duration: duration)
    case .untimed:
      let text = tokenizer.decode(generated)
      segments =
        text.trimmingCharacters(in: .whitespaces).isEmpty ? [] : [WhisperSegment(start: 0, end: duration, text: text)]
    }
    return WhisperWindow(
      language: code,
      languageProbability: probability,
      noSpeechProbability: expf(noSpeech),
      averageLogProbability: logProbabilitySum / Float(generated.count + 1),
      tokens: generated,
      segments: segments
    )
  }

  /// The likeliest token at each step (CTranslate2's `beam_size=1`), end-of-text excluded.
  private func greedy(
    _ session: InferenceSession,
    logits first: [Float],
    room: Int,
    timing: WhisperTiming
  ) async throws -> (tokens: [Int], logProbabilitySum: Float) {
    var logits = first
    var generated: [Int] = []
    var logProbabilitySum: Float = 0
    while true {
      constrain(&logits, generated: generated, timing: timing)
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
    return (generated, logProbabilitySum)
  }

  /// Beam search as OpenAI's `BeamSearchDecoder` with patience 1 (faster-whisper's default, beam
  /// 5): each step extends every live sequence by its `beamSize + 1` likeliest tokens, keeps the
  /// `beamSize` best extensions alive and sets aside those that end, until `beamSize` have ended;
  /// the ended one with the best mean log-probability per token wins. The decoder takes one
  /// sequence at a time, so each live sequence carries its own key/value cache.
  private func beamSearch(
    _ session: InferenceSession,
    logits: [Float],
    cache: Tensor,
    room: Int,
    pass: WhisperDecoding
  ) async throws -> (tokens: [Int], logProbabilitySum: Float) {
    struct Hypothesis {
      var tokens: [Int]
      var logProbabilitySum: Float
      var logits: [Float]
      var cache: Tensor
    }
    var live = [Hypothesis(tokens: [], logProbabilitySum: 0, logits: logits, cache: cache)]
    var ended: [(tokens: [Int], logProbabilitySum: Float)] = []
    while !live.isEmpty, ended.count < pass.beamSize {
      var candidates: [(parent: Int, token: Int, logProbabilitySum: Float)] = []
      for (index, hypothesis) in live.enumerated() {
        var logits = hypothesis.logits
        constrain(&logits, generated: hypothesis.tokens, timing: pass.timing)
        let logProbabilities = TimestampRules.logSoftmax(logits)
        for token in Self.best(pass.beamSize + 1, of: logProbabilities) {
          candidates.append((index, token, hypothesis.logProbabilitySum + logProbabilities[token]))
        }
      }
      candidates.sort { $0.logProbabilitySum > $1.logProbabilitySum }
      var next: [Hypothesis] = []
      for candidate in candidates where next.count < pass.beamSize {
        let parent = live[candidate.parent]
        if candidate.token == tokenizer.endOfText {
          ended.append((parent.tokens, candidate.logProbabilitySum))
        } else if parent.tokens.count + 1 >= room {
          ended.append((parent.tokens + [candidate.token], candidate.logProbabilitySum))
        } else {
          try session.bind(parent.cache, toInput: 1)
          try session.bind(Tensor(shape: [1, 1], storage: .int64([Int64(candidate.token)])), toInput: 0)
          try await session.run()
          next.append(
            Hypothesis(
              tokens: parent.tokens + [candidate.token],
              logProbabilitySum: candidate.logProbabilitySum,
              logits: try session.output(0).floats,
              cache: try session.output(1)
            )
          )
        }
      }
      live = next
    }
    let pool = ended.isEmpty ? live.map { ($0.tokens, $0.logProbabilitySum) } : ended
    return pool.max {
      $0.logProbabilitySum / Float(max($0.tokens.count, 1)) < $1.logProbabilitySum / Float(max($1.tokens.count, 1))
    }!
  }

  private func constrain(_ logits: inout [Float], generated: [Int], timing: WhisperTiming) {
    switch timing {
    case .timestamps: rules.apply(to: &logits, generated: generated)
    case .untimed: rules.applyUntimed(to: &logits, generated: generated)
    }
  }

  /// The indices of the `count` largest values, largest first.
  static func best(_ count: Int, of values: [Float]) -> [Int] {
    var top: [Int] = []
    for index in values.indices where values[index] > -.infinity {
      if top.count < count {
        top.append(index)
        top.sort { values[$0] > values[$1] }
      } else if values[index] > values[top[count - 1]] {
        top[count - 1] = index
        top.sort { values[$0] > values[$1] }
      }
    }
    return top
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
          result.append(WhisperSegment(start: opened, end: seconds(token), text: tokenizer.decode(text)))
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
      result.append(WhisperSegment(start: start ?? 0, end: duration, text: tokenizer.decode(text)))
    }
    return result.filter { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }
  }
}
