import LoupeMedia
import LoupeSpeech

/// How `SpeechTranscriber` reads and decodes.
public struct TranscriptionOptions: Sendable, Equatable {
  /// The language to decode in (`ja`, `zh`, `en`, …); `nil` detects it for each speech region.
  public var language: String?
  /// Where detection chooses from; empty means every language Whisper knows.
  public var candidateLanguages: [String]
  public var limits: AudioLimits
  public var voiceActivity: VoiceActivityOptions
  /// A window whose no-speech probability is above this and whose mean token log-probability is
  /// below `minAverageLogProbability` is taken as silence or noise and gives no text (Whisper's
  /// own rule, with its published thresholds).
  public var noSpeechThreshold: Float
  public var minAverageLogProbability: Float

  public init(
    language: String? = nil,
    candidateLanguages: [String] = [],
    limits: AudioLimits = .default,
    voiceActivity: VoiceActivityOptions = VoiceActivityOptions(),
    noSpeechThreshold: Float = 0.6,
    minAverageLogProbability: Float = -1
  ) {
    self.language = language
    self.candidateLanguages = candidateLanguages
    self.limits = limits
    self.voiceActivity = voiceActivity
    self.noSpeechThreshold = noSpeechThreshold
    self.minAverageLogProbability = minAverageLogProbability
  }
}
