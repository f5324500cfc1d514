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
  /// A speech region at most this long becomes one segment. A longer one is decoded a second
  /// time, with timestamps, to cut its text into sentences (`SegmentRetiming`): 7 s is the
  /// longest a subtitle usually stays on screen.
  public var maxSegmentSeconds: Double
  /// Live sequences of the beam search that reads each region's text (Whisper's and
  /// faster-whisper's default, 5); 1 decodes greedily, about five times cheaper per token.
  public var beamSize: Int

  public init(
    language: String? = nil,
    candidateLanguages: [String] = [],
    limits: AudioLimits = .default,
    voiceActivity: VoiceActivityOptions = VoiceActivityOptions(),
    noSpeechThreshold: Float = 0.6,
    minAverageLogProbability: Float = -1,
    maxSegmentSeconds: Double = 7,
    beamSize: Int = 5
  ) {
    self.language = language
    self.candidateLanguages = candidateLanguages
    self.limits = limits
    self.voiceActivity = voiceActivity
    self.noSpeechThreshold = noSpeechThreshold
    self.minAverageLogProbability = minAverageLogProbability
    self.maxSegmentSeconds = maxSegmentSeconds
    self.beamSize = beamSize
  }
}
