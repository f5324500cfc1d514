/// WebVTT: a `WEBVTT` header (its block, e.g. `X-TIMESTAMP-MAP`, is skipped), then cue blocks of
/// an optional identifier, `[hh:]mm:ss.ttt --> [hh:]mm:ss.ttt [settings]` and text. NOTE, STYLE
/// and REGION blocks are skipped.
enum WebVTTParser {
  static func parse(_ text: String) throws -> [SubtitleCue] {
    let blocks = SubtitleBlock.split(SubtitleLines(text).lines)
    guard let header = blocks.first, header.firstLine == 1, isSignature(header.lines[0]) else {
      throw SubtitleError.malformed(format: .webVTT, line: 1, reason: "the file must start with WEBVTT")
    }
    var cues: [SubtitleCue] = []
    for block in blocks.dropFirst() {
      let first = block.lines[0]
      if ["NOTE", "STYLE", "REGION"].contains(where: {
        first == $0 || first.hasPrefix($0 + " ") || first.hasPrefix($0 + "\t")
      }) {
        continue
      }
      guard let timingIndex = block.lines.prefix(2).firstIndex(where: { $0.contains("-->") }) else {
        throw SubtitleError.malformed(
          format: .webVTT,
          line: block.firstLine,
          reason: "expected a timing line like 00:01.000 --> 00:02.000"
        )
      }
      let timingLine = block.firstLine + timingIndex
      guard let (start, end) = SubtitleTimestamp.range(in: block.lines[timingIndex]) else {
        throw SubtitleError.malformed(
          format: .webVTT,
          line: timingLine,
          reason: "unreadable timing \"\(block.lines[timingIndex])\""
        )
      }
      guard end >= start else {
        throw SubtitleError.malformed(format: .webVTT, line: timingLine, reason: "the cue ends before it starts")
      }
      let payload = block.lines[(timingIndex + 1)...].joined(separator: "\n")
      cues.append(
        SubtitleCue(start: start, end: end, text: SubtitleMarkup.plainTaggedText(payload, decodesEntities: true))
      )
    }
    return cues
  }

  private static func isSignature(_ line: String) -> Bool {
    line == "WEBVTT" || line.hasPrefix("WEBVTT ") || line.hasPrefix("WEBVTT\t")
  }
}
