/// How window probabilities become speech regions. The defaults are silero's and faster-whisper's
/// published ones (not tuned on Loupe's test speech), with regions capped below 30 s so each fits
/// one Whisper window. A pause of 2 s (faster-whisper's) separates regions: shorter ones cut speech
/// into phrases too short for Whisper to tell their language (checked: with 0.5 s, a 1 s English
/// phrase of beckett.wav was heard as Dutch).
public struct VoiceActivityOptions: Sendable, Equatable {
  /// Speech starts at a window at or above this probability…
  public var threshold: Float
  /// …and may end once windows fall below this one.
  public var negativeThreshold: Float
  /// Regions shorter than this are dropped.
  public var minSpeechSeconds: Double
  /// Silence this long ends a region.
  public var minSilenceSeconds: Double
  /// Kept around each region, so word onsets and tails are not clipped.
  public var paddingSeconds: Double
  /// A region is cut at the last pause before this length (or hard at it).
  public var maxSpeechSeconds: Double

  public init(
    threshold: Float = 0.5,
    negativeThreshold: Float = 0.35,
    minSpeechSeconds: Double = 0.25,
    minSilenceSeconds: Double = 2,
    paddingSeconds: Double = 0.4,
    maxSpeechSeconds: Double = 29
  ) {
    self.threshold = threshold
    self.negativeThreshold = negativeThreshold
    self.minSpeechSeconds = minSpeechSeconds
    self.minSilenceSeconds = minSilenceSeconds
    self.paddingSeconds = paddingSeconds
    self.maxSpeechSeconds = maxSpeechSeconds
  }
}
