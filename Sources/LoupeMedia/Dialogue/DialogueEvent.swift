/// One timed line of a video's dialogue, whatever it came from: Loupe's single timed-dialogue
/// model. Text subtitle streams, sidecar files, OCR of burned-in subtitles and speech
/// recognition all give these; the analyses and the library read nothing else.
public struct DialogueEvent: Sendable, Equatable, Hashable, Codable {
  public enum Source: String, Sendable, Codable, CaseIterable {
    /// A text subtitle stream in the container.
    case textStream = "text_stream"
    /// A subtitle file beside the video (SRT, WebVTT, ASS).
    case sidecar
    /// Subtitles burned into the picture, read by OCR.
    case ocr
    /// Speech recognition of the audio.
    case speech

    /// Whether the viewer sees the text as subtitles (every source but speech).
    public var isSubtitle: Bool { self != .speech }
  }

  public var text: String
  /// Seconds from the start of the video.
  public var start: Double
  public var end: Double
  public var source: Source
  /// 0…1: 1 for authored subtitles (streams, sidecars); the recogniser's confidence for OCR and
  /// speech.
  public var confidence: Float

  public init(text: String, start: Double, end: Double, source: Source, confidence: Float) {
    self.text = text
    self.start = start
    self.end = end
    self.source = source
    self.confidence = confidence
  }
}

extension DialogueEvent {
  /// Authored cues (a stream's or a sidecar's), with full confidence.
  public static func events(from cues: [SubtitleCue], source: Source) -> [DialogueEvent] {
    cues.map { DialogueEvent(text: $0.text, start: $0.start, end: $0.end, source: source, confidence: 1) }
  }
}
