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
  ///
  /// Linear in the text's length: where each tag ends is known from one backward pass, so a
  /// hostile cue of many `<` or `{\` without their closing character costs no rescans.
  static func plainTaggedText(_ text: String, decodesEntities: Bool) -> String {
    let characters = Array(text)
    // For each position, the next `>` or line break, and the next `}`.
    var nextTagStop = [Int](repeating: characters.count, count: characters.count + 1)
    var nextBrace = [Int](repeating: characters.count, count: characters.count + 1)
    for index in stride(from: characters.count - 1, through: 0, by: -1) {
      let character = characters[index]
      nextTagStop[index] = character == ">" || character == "\n" ? index : nextTagStop[index + 1]
      nextBrace[index] = character == "}" ? index : nextBrace[index + 1]
    }
    var result = ""
    var index = 0
    while index < characters.count {
      let character = characters[index]
      if character == "<", let close = tagEnd(characters, from: index, nextTagStop: nextTagStop) {
        index = close + 1
      } else if character == "{", index + 1 < characters.count, characters[index + 1] == "\\",
        nextBrace[index] < characters.count
      {
        index = nextBrace[index] + 1
      } else if character == "&", decodesEntities, let (decoded, next) = entity(in: characters, at: index) {
        result.append(decoded)
        index = next
      } else {
        result.append(character)
        index += 1
      }
    }
    return lines(result)
  }

  /// The `>` closing a tag opened at `start`, when what follows `<` looks like a tag name, a
  /// closing slash or a WebVTT timestamp, and the tag ends on the same line.
  private static func tagEnd(_ characters: [Character], from start: Int, nextTagStop: [Int]) -> Int? {
    let next = start + 1
    guard next < characters.count else { return nil }
    let first = characters[next]
    guard first == "/" || (first.isASCII && (first.isLetter || first.isNumber)) else { return nil }
    let close = nextTagStop[next]
    guard close < characters.count, characters[close] == ">" else { return nil }
    return close
  }

  private static let namedEntities: [String: String] = [
    "amp": "&", "lt": "<", "gt": ">", "nbsp": "\u{00A0}", "lrm": "\u{200E}", "rlm": "\u{200F}", "quot": "\"",
    "apos": "'",
  ]

  /// A character reference at `start` (at most 12 characters long) and the index after it.
  private static func entity(in characters: [Character], at start: Int) -> (String, Int)? {
    guard let end = characters[start..<min(characters.count, start + 12)].firstIndex(of: ";") else { return nil }
    let name = String(characters[(start + 1)..<end])
    if let named = namedEntities[name] { return (named, end + 1) }
    guard name.hasPrefix("#") else { return nil }
    let digits = name.dropFirst()
    let value =
      digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
    guard let value, let scalar = Unicode.Scalar(value) else { return nil }
    return (String(Character(scalar)), end + 1)
  }

  /// Each line trimmed of spaces and tabs; empty lines at the start and end dropped.
  private static func lines(_ text: String) -> String {
    var lines = SubtitleLines(text).lines.map { $0.trimmingASCIIWhitespace() }
    while lines.first?.isEmpty == true { lines.removeFirst() }
    while lines.last?.isEmpty == true { lines.removeLast() }
    return lines.joined(separator: "\n")
  }
}
