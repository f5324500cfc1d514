/// Subtitle timestamps: `[h:]mm:ss[.,]fff` (SRT, WebVTT) and `h:mm:ss.cc` (ASS).
enum SubtitleTimestamp {
  /// Seconds for a timestamp filling all of `text` (spaces around it allowed), else `nil`.
  /// The fraction is read as decimal digits, so `.5`, `.50` and `.500` are all half a second.
  static func seconds(in text: some StringProtocol) -> Double? {
    let trimmed = String(text).trimmingASCIIWhitespace()
    guard let separator = trimmed.lastIndex(where: { $0 == "." || $0 == "," }) else { return nil }
    let clock = trimmed[..<separator].split(separator: ":", omittingEmptySubsequences: false)
    let fraction = trimmed[trimmed.index(after: separator)...]
    guard (2...3).contains(clock.count), !fraction.isEmpty, fraction.count <= 3,
      fraction.allSatisfy(\.isASCIIDigit), clock.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
      let milliseconds = Int(fraction.padding(toLength: 3, withPad: "0", startingAt: 0))
    else { return nil }
    let parts = clock.compactMap { Int($0) }
    guard parts.count == clock.count else { return nil }
    let (hours, minutes, seconds) = parts.count == 3 ? (parts[0], parts[1], parts[2]) : (0, parts[0], parts[1])
    guard minutes < 60, seconds < 60 else { return nil }
    return Double(((hours * 60 + minutes) * 60 + seconds) * 1000 + milliseconds) / 1000
  }

  /// `start --> end`, where anything after the end timestamp (WebVTT cue settings, SRT
  /// coordinates) is ignored.
  static func range(in line: String) -> (start: Double, end: Double)? {
    let sides = line.components(separatedBy: "-->")
    guard sides.count == 2, let start = seconds(in: sides[0]) else { return nil }
    guard let endToken = sides[1].split(whereSeparator: { $0 == " " || $0 == "\t" }).first,
      let end = seconds(in: endToken)
    else { return nil }
    return (start, end)
  }
}

extension Character {
  var isASCIIDigit: Bool { isASCII && isNumber }
}
