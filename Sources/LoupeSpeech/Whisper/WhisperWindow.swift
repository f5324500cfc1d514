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

/// A run of text between two timestamps, in seconds from the window's start.
public struct WhisperSegment: Sendable, Equatable {
  public var start: Double
  public var end: Double
  public var text: String
  public var tokens: [Int]
}
