/// A video's dialogue from every source, in time order.
///
/// The sources are complementary and kept side by side, each event with its source: a text
/// stream is what the author wrote, burned-in OCR what the viewer sees, speech what is said.
/// Sidecars are read only when the container carries no text stream (they are the same
/// subtitles, shipped apart).
public struct Dialogue: Sendable, Equatable {
  public private(set) var events: [DialogueEvent]

  public init(events: [DialogueEvent] = []) {
    self.events = events.sorted(by: Self.timeOrder)
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

  /// The text of the events, one per line, at most `limit` characters: what a text encoder reads.
  /// Authored and burned-in subtitles come first; speech only when there are none (it repeats them).
  public func text(limit: Int = 2000) -> String {
    let subtitles = events.filter { $0.source.isSubtitle }
    let chosen = subtitles.isEmpty ? events : subtitles
    return String(chosen.map(\.text).joined(separator: "\n").prefix(limit))
  }

  private static func timeOrder(_ a: DialogueEvent, _ b: DialogueEvent) -> Bool {
    (a.start, a.end) < (b.start, b.end)
  }
}
