/// One timed line of recognised speech: what `SpeechTranscriber` hands to the dialogue model.
public struct TranscriptSegment: Sendable, Equatable, Codable {
  /// Seconds from the start of the media.
  public var start: Double
  public var end: Double
  public var text: String
  /// The language it was decoded in, e.g. `ja`.
  public var language: String
  /// exp(mean token log-probability) of the window it came from, 0–1.
  public var confidence: Double

  public init(start: Double, end: Double, text: String, language: String, confidence: Double) {
    self.start = start
    self.end = end
    self.text = text
    self.language = language
    self.confidence = confidence
  }
}

/// Everything heard in one medium.
public struct Transcript: Sendable, Equatable, Codable {
  /// Seconds of audio read.
  public var duration: Double
  /// Seconds the voice activity detector kept as speech (what Whisper was run on).
  public var speechDuration: Double
  public var segments: [TranscriptSegment]

  public var text: String { segments.map(\.text).joined(separator: "\n") }
}
