/// SubRip: blocks of an optional counter, `00:00:01,000 --> 00:00:02,500` (a dot works too;
/// coordinates after the end are ignored) and text lines.
enum SRTParser {
  static func parse(_ text: String) throws -> [SubtitleCue] {
    var cues: [SubtitleCue] = []
    for block in SubtitleBlock.split(SubtitleLines(text).lines) {
      var lines = block.lines[...]
      var timingLine = block.firstLine
      if lines.count > 1, lines.first!.trimmingASCIIWhitespace().allSatisfy(\.isASCIIDigit) {
        lines = lines.dropFirst()
        timingLine += 1
      }
      guard lines.first!.contains("-->") else {
        // A blank line inside a cue's text splits it; the orphaned lines belong to that cue.
        guard let last = cues.popLast() else {
          throw SubtitleError.malformed(
            format: .srt,
            line: block.firstLine,
            reason: "expected a timing line like 00:00:01,000 --> 00:00:02,000"
          )
        }
        let more = SubtitleMarkup.plainTaggedText(lines.joined(separator: "\n"), decodesEntities: false)
        cues.append(SubtitleCue(start: last.start, end: last.end, text: last.text + "\n\n" + more))
        continue
      }
      guard let (start, end) = SubtitleTimestamp.range(in: lines.first!) else {
        throw SubtitleError.malformed(format: .srt, line: timingLine, reason: "unreadable timing \"\(lines.first!)\"")
      }
      guard end >= start else {
        throw SubtitleError.malformed(format: .srt, line: timingLine, reason: "the cue ends before it starts")
      }
      let cueText = SubtitleMarkup.plainTaggedText(lines.dropFirst().joined(separator: "\n"), decodesEntities: false)
      cues.append(SubtitleCue(start: start, end: end, text: cueText))
    }
    return cues
  }
}
