/// A video's dialogue from every source, in time order.
///
/// The sources are complementary and kept side by side, each event with its source: a text
/// stream is what the author wrote, burned-in OCR what the viewer sees, speech what is said.
/// Sidecars are read only when the container carries no text stream (they are the same
/// subtitles, shipped apart).
public struct Dialogue: Sendable, Equatable {
  public private(set) var events: [DialogueEvent]

  /// Events of one source with the same text that overlap or lie within `mergeGap` seconds of
  /// each other are one event (their union, the higher confidence): a line is listed once.
  public static let mergeGap = 1.0

  public init(events: [DialogueEvent] = []) {
    var merged: [DialogueEvent] = []
    for event in events.sorted(by: Self.timeOrder) {
      if let index = merged.lastIndex(where: { $0.source == event.source && $0.text == event.text }),
        event.start - merged[index].end <= Self.mergeGap
      {
        merged[index].end = max(merged[index].end, event.end)
        merged[index].confidence = max(merged[index].confidence, event.confidence)
      } else {
        merged.append(event)
      }
    }
    self.events = merged
  }

  /// The one place every source enters: text streams, sidecars, OCR and speech recognition.
  public init(
    textStream: [SubtitleCue] = [],
    sidecar: [SubtitleCue] = [],
    ocr: [DialogueEvent] = [],
    speech: [DialogueEvent] = []
  ) {
    let authored =
      textStream.isEmpty
      ? DialogueEvent.events(from: sidecar, source: .sidecar)
      : DialogueEvent.events(from: textStream, source: .textStream)
    self.init(events: authored + ocr + speech)
  }

  public var isEmpty: Bool { events.isEmpty }

  /// Whether anything shows subtitles on screen (a stream, a sidecar or burned-in text).
  public var hasSubtitles: Bool { events.contains { $0.source.isSubtitle } }

  /// The events of `sources`, in time order.
  public func events(from sources: Set<DialogueEvent.Source>) -> [DialogueEvent] {
    events.filter { sources.contains($0.source) }
  }

  /// The text of the events, one per line, each distinct line once (a stream and the same
  /// subtitles burned in say it twice), at most `limit` characters: what a text encoder reads.
  /// Subtitles only; speech when there are none (it repeats them).
  public func text(limit: Int = 2000) -> String {
    let subtitles = events.filter { $0.source.isSubtitle }
    var seen = Set<String>()
    let lines = (subtitles.isEmpty ? events : subtitles).map(\.text).filter { seen.insert($0).inserted }
    return String(lines.joined(separator: "\n").prefix(limit))
  }

  private static func timeOrder(_ a: DialogueEvent, _ b: DialogueEvent) -> Bool {
    (a.start, a.end) < (b.start, b.end)
  }
}
