/// Strips the styling each format embeds in cue text.
enum SubtitleMarkup {
  /// ASS event text: override blocks `{\b1}`, `{\pos(1,2)}` (and any other `{…}`) removed,
  /// `\N` and `\n` turned into line breaks, `\h` (hard space) into a space.
  static func plainASSText(_ text: String) -> String {
    var result = ""
    var inBlock = false
    var escaped = false
    for character in text {
      if inBlock {
        if character == "}" { inBlock = false }
        continue
      }
      if escaped {
        escaped = false
        switch character {
        case "N", "n": result.append("\n")
        case "h": result.append(" ")
        default: result.append("\\" + String(character))
        }
        continue
      }
      switch character {
      case "{": inBlock = true
      case "\\": escaped = true
      default: result.append(character)
      }
    }
    if escaped { result.append("\\") }
    return lines(result)
  }

  /// SRT and WebVTT cue text: tags such as `<i>`, `</b>`, `<font color="…">`, `<c.yellow>`,
  /// `<v Speaker>` and `<00:01.000>` removed, and the ASS-style `{\an8}` that many SRT files
  /// carry. A `<` that does not open a tag ("a < b") is kept. With `decodesEntities` (WebVTT),
  /// `&amp;`, `&lt;`, `&gt;`, `&nbsp;`, `&lrm;`, `&rlm;` and numeric references are decoded.
  static func plainTaggedText(_ text: String, decodesEntities: Bool) -> String {
    var result = ""
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      if character == "<", let close = tagEnd(in: text, from: index) {
        index = text.index(after: close)
      } else if character == "{", text[index...].hasPrefix("{\\"), let close = text[index...].firstIndex(of: "}") {
        index = text.index(after: close)
      } else if character == "&", decodesEntities, let (decoded, next) = entity(in: text, at: index) {
        result.append(decoded)
        index = next
      } else {
        result.append(character)
        index = text.index(after: index)
      }
    }
    return lines(result)
  }

  /// The `>` closing a tag opened at `start`, when what follows `<` looks like a tag name, a
  /// closing slash or a WebVTT timestamp, and the tag ends on the same line.
  private static func tagEnd(in text: String, from start: String.Index) -> String.Index? {
    let next = text.index(after: start)
    guard next < text.endIndex else { return nil }
    let first = text[next]
    guard first == "/" || (first.isASCII && (first.isLetter || first.isNumber)) else { return nil }
    guard let close = text[next...].firstIndex(where: { $0 == ">" || $0 == "\n" }), text[close] == ">" else {
      return nil
    }
    return close
  }

  private static let namedEntities: [String: String] = [
    "amp": "&", "lt": "<", "gt": ">", "nbsp": "\u{00A0}", "lrm": "\u{200E}", "rlm": "\u{200F}", "quot": "\"",
    "apos": "'",
  ]

  private static func entity(in text: String, at start: String.Index) -> (String, String.Index)? {
    guard let end = text[start...].prefix(12).firstIndex(of: ";") else { return nil }
    let name = String(text[text.index(after: start)..<end])
    if let named = namedEntities[name] { return (named, text.index(after: end)) }
    guard name.hasPrefix("#") else { return nil }
    let digits = name.dropFirst()
    let value =
      digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
    guard let value, let scalar = Unicode.Scalar(value) else { return nil }
    return (String(Character(scalar)), text.index(after: end))
  }

  /// Each line trimmed of spaces and tabs; empty lines at the start and end dropped.
  private static func lines(_ text: String) -> String {
    var lines = SubtitleLines(text).lines.map { $0.trimmingASCIIWhitespace() }
    while lines.first?.isEmpty == true { lines.removeFirst() }
    while lines.last?.isEmpty == true { lines.removeLast() }
    return lines.joined(separator: "\n")
  }
}
