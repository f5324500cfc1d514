import Foundation

/// The logit rules of Whisper's decoding with timestamps (OpenAI's `ApplyTimestampRules` with
/// `SuppressBlank` and `SuppressTokens`, as faster-whisper's CTranslate2 decoder applies them):
/// text comes between a pair of timestamps, timestamps never go back, the first token is a
/// timestamp of at most 1 s, and a timestamp is forced when all timestamps together are likelier
/// than any single text token.
struct TimestampRules {
  let tokenizer: WhisperTokenizer
  /// Regular tokens the model must never produce (`suppress_ids` of the model's config) plus every
  /// special token except end-of-text and the timestamps.
  let suppressed: [Int]
  /// Suppressed on the first generated token only: a blank (" ") and end-of-text.
  let suppressedAtStart: [Int]
  /// The latest first timestamp, in 0.02 s steps.
  let maxInitialTimestamp = 50

  init(tokenizer: WhisperTokenizer, suppress: [Int], suppressAtStart: [Int]) {
    self.tokenizer = tokenizer
    let specials = Array((tokenizer.endOfText + 1)..<tokenizer.timestampBegin)
    suppressed = Array(Set(suppress + specials)).sorted()
    suppressedAtStart = suppressAtStart
  }

  /// Applies the rules to the next token's `logits`, given the tokens generated so far.
  func apply(to logits: inout [Float], generated: [Int]) {
    let begin = tokenizer.timestampBegin
    for token in suppressed where token < logits.count { logits[token] = -.infinity }
    if generated.isEmpty {
      for token in suppressedAtStart where token < logits.count { logits[token] = -.infinity }
      for token in 0..<begin { logits[token] = -.infinity }
      for token in (begin + maxInitialTimestamp + 1)..<logits.count { logits[token] = -.infinity }
      return
    }
    let lastWasTimestamp = tokenizer.isTimestamp(generated[generated.count - 1])
    let penultimateWasTimestamp = generated.count < 2 || tokenizer.isTimestamp(generated[generated.count - 2])
    if lastWasTimestamp {
      if penultimateWasTimestamp {
        for token in begin..<logits.count { logits[token] = -.infinity }
      } else {
        for token in 0..<tokenizer.endOfText { logits[token] = -.infinity }
      }
    }
    if let last = generated.last(where: tokenizer.isTimestamp) {
      // A closing timestamp may repeat the opening one; after a closed pair time moves on.
      let earliest = lastWasTimestamp && !penultimateWasTimestamp ? last : last + 1
      for token in begin..<min(earliest, logits.count) { logits[token] = -.infinity }
    }
    let logProbabilities = Self.logSoftmax(logits)
    let timestampMass = Self.logSumExp(logProbabilities[begin...])
    let bestText = logProbabilities[..<begin].max() ?? -.infinity
    if timestampMass > bestText {
      for token in 0..<begin { logits[token] = -.infinity }
    }
  }

  /// The rules of decoding after `<|notimestamps|>`: the same suppressed tokens, and no
  /// timestamp at all (the text is timed by whoever asked for it).
  func applyUntimed(to logits: inout [Float], generated: [Int]) {
    for token in suppressed where token < logits.count { logits[token] = -.infinity }
    if generated.isEmpty {
      for token in suppressedAtStart where token < logits.count { logits[token] = -.infinity }
    }
    for token in tokenizer.timestampBegin..<logits.count { logits[token] = -.infinity }
  }

  static func logSoftmax(_ logits: [Float]) -> [Float] {
    let total = logSumExp(logits[...])
    return logits.map { $0 - total }
  }

  static func logSumExp(_ values: ArraySlice<Float>) -> Float {
    guard let top = values.max(), top > -.infinity else { return -.infinity }
    var sum: Float = 0
    for value in values { sum += expf(value - top) }
    return top + logf(sum)
  }
}
