/// What Whisper heard in one window of at most 30 s.
public struct WhisperWindow: Sendable, Equatable {
  /// The language decoded in (given, or detected), e.g. `ja`.
  public var language: String
  /// The detected language's probability among the candidates; 1 when the language was given.
  public var languageProbability: Float
  /// The model's probability that the window holds no speech.
  public var noSpeechProbability: Float
  /// Mean log-probability of the generated tokens (end-of-text included).
  public var averageLogProbability: Float
  /// Every generated token, timestamps included, end-of-text excluded.
  public var tokens: [Int]
  public var segments: [WhisperSegment]
}

/// A run of text between two timestamps (or the whole window, decoded without timestamps), in
/// seconds from the window's start.
public struct WhisperSegment: Sendable, Equatable {
  public var start: Double
  public var end: Double
  public var text: String

  public init(start: Double, end: Double, text: String) {
    self.start = start
    self.end = end
    self.text = text
  }
}

/// How a window's text is timed.
public enum WhisperTiming: Sendable, Equatable {
  /// Whisper predicts a timestamp at each segment's start and end (OpenAI's long-form decoding,
  /// faster-whisper's default).
  case timestamps
  /// `<|notimestamps|>`: the window's text as one segment (OpenAI's short-form decoding). On
  /// Loupe's test and held-out speech it reads more accurately (docs/speech.md).
  case untimed
}

/// How one decoding pass reads a window.
public struct WhisperDecoding: Sendable, Equatable {
  public var timing: WhisperTiming
  /// 1 is greedy; more is beam search with that many live sequences.
  public var beamSize: Int

  public init(timing: WhisperTiming = .timestamps, beamSize: Int = 1) {
    self.timing = timing
    self.beamSize = max(1, beamSize)
  }
}
