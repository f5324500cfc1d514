/// Advanced SubStation Alpha (and SSA): `Dialogue:` lines of the `[Events]` section, read in the
/// field order its `Format:` line gives; the Text field is last and keeps its commas.
enum ASSParser {
  /// ASS v4+'s order, for files that omit the `Format:` line.
  static let defaultFormat = [
    "layer", "start", "end", "style", "name", "marginl", "marginr", "marginv", "effect", "text",
  ]

  static func parse(_ text: String) throws -> [SubtitleCue] {
    var section = ""
    var sawEvents = false
    var format = defaultFormat
    var cues: [SubtitleCue] = []
    for (index, rawLine) in SubtitleLines(text).lines.enumerated() {
      let line = rawLine.trimmingASCIIWhitespace()
      if line.hasPrefix("[") && line.hasSuffix("]") {
        section = line.lowercased()
        sawEvents = sawEvents || section == "[events]"
        continue
      }
      guard section == "[events]", let colon = line.firstIndex(of: ":") else { continue }
      let key = line[..<colon].lowercased()
      let value = line[line.index(after: colon)...]
      if key == "format" {
        format = value.split(separator: ",").map { $0.trimmingASCIIWhitespaceAndLowercased() }
        guard format.contains("start"), format.contains("end"), format.last == "text" else {
          throw SubtitleError.malformed(
            format: .ass,
            line: index + 1,
            reason: "the Format line must name Start and End and end with Text"
          )
        }
      } else if key == "dialogue" {
        cues.append(try cue(value, format: format, line: index + 1))
      }
    }
    guard sawEvents else { throw SubtitleError.malformed(format: .ass, line: 1, reason: "no [Events] section") }
    return cues
  }

  private static func cue(_ value: Substring, format: [String], line: Int) throws -> SubtitleCue {
    let fields = value.split(separator: ",", maxSplits: format.count - 1, omittingEmptySubsequences: false)
    guard fields.count == format.count else {
      throw SubtitleError.malformed(
        format: .ass,
        line: line,
        reason: "Dialogue has \(fields.count) fields, the Format line \(format.count)"
      )
    }
    func field(_ name: String) -> Substring { fields[format.firstIndex(of: name)!] }
    guard let start = SubtitleTimestamp.seconds(in: field("start")),
      let end = SubtitleTimestamp.seconds(in: field("end"))
    else {
      throw SubtitleError.malformed(format: .ass, line: line, reason: "unreadable Start or End time")
    }
    guard end >= start else {
      throw SubtitleError.malformed(format: .ass, line: line, reason: "the event ends before it starts")
    }
    return SubtitleCue(start: start, end: end, text: SubtitleMarkup.plainASSText(String(fields.last!)))
  }
}

/// The events FFmpeg's subtitle decoders produce.
enum ASSEvent {
  /// The Text field of an event in FFmpeg 5.1's decoded layout,
  /// `ReadOrder,Layer,Style,Name,MarginL,MarginR,MarginV,Effect,Text`.
  static func textField(ofDecodedEvent event: String) -> String {
    let fields = event.split(separator: ",", maxSplits: 8, omittingEmptySubsequences: false)
    return fields.count == 9 ? String(fields[8]) : event
  }
}

extension Substring {
  fileprivate func trimmingASCIIWhitespaceAndLowercased() -> String {
    String(self).trimmingASCIIWhitespace().lowercased()
  }
}
