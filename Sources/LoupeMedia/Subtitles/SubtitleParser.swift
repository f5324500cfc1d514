import Foundation

/// Reads sidecar subtitle files: SRT, WebVTT and ASS/SSA, in UTF-8 or UTF-16 with a byte-order
/// mark.
public enum SubtitleParser {
  /// Cues ordered by start time. The format is taken from the content; `formatHint` (e.g. from
  /// the file extension) decides only when the content does not tell.
  public static func parse(_ bytes: some Collection<UInt8>, formatHint: SubtitleFormat? = nil) throws -> [SubtitleCue] {
    let text = try SubtitleText.decode(Array(bytes))
    guard let format = SubtitleFormat.detect(in: text, hint: formatHint) else { throw SubtitleError.unrecognizedFormat }
    return try parse(text, as: format)
  }

  public static func parse(contentsOf url: URL) throws -> [SubtitleCue] {
    try parse(try Data(contentsOf: url), formatHint: SubtitleFormat(fileExtension: url.pathExtension))
  }

  /// Cues of `text` read as `format`, ordered by start time (events in ASS files need not be).
  public static func parse(_ text: String, as format: SubtitleFormat) throws -> [SubtitleCue] {
    let cues =
      switch format {
      case .srt: try SRTParser.parse(text)
      case .webVTT: try WebVTTParser.parse(text)
      case .ass: try ASSParser.parse(text)
      }
    return cues.enumerated().sorted { ($0.element.start, $0.offset) < ($1.element.start, $1.offset) }.map(\.element)
  }
}
