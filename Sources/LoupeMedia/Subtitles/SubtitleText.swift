import Foundation

/// Subtitle files as text: encoding and line breaks.
enum SubtitleText {
  /// UTF-8 (with or without a byte-order mark) or UTF-16 with a byte-order mark; bytes are never
  /// reinterpreted, so CJK text comes through unchanged.
  static func decode(_ bytes: [UInt8]) throws -> String {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return try utf8(bytes.dropFirst(3)) }
    if bytes.starts(with: [0xFF, 0xFE]) { return try utf16(bytes.dropFirst(2), encoding: .utf16LittleEndian) }
    if bytes.starts(with: [0xFE, 0xFF]) { return try utf16(bytes.dropFirst(2), encoding: .utf16BigEndian) }
    return try utf8(bytes[...])
  }

  private static func utf8(_ bytes: ArraySlice<UInt8>) throws -> String {
    guard let text = String(validating: bytes, as: UTF8.self) else { throw SubtitleError.unsupportedEncoding }
    return text
  }

  private static func utf16(_ bytes: ArraySlice<UInt8>, encoding: String.Encoding) throws -> String {
    guard bytes.count % 2 == 0, let text = String(data: Data(bytes), encoding: encoding) else {
      throw SubtitleError.unsupportedEncoding
    }
    return text
  }
}

/// Text split into lines at LF, CRLF or CR.
struct SubtitleLines {
  let lines: [String]

  init(_ text: String) {
    // Swift treats CRLF as one Character, so line breaks are split on Unicode scalars.
    var lines: [String] = []
    var current = String.UnicodeScalarView()
    var previousWasReturn = false
    for scalar in text.unicodeScalars {
      if scalar == "\n" && previousWasReturn {
        previousWasReturn = false
        continue
      }
      previousWasReturn = scalar == "\r"
      if scalar == "\n" || scalar == "\r" {
        lines.append(String(current))
        current = String.UnicodeScalarView()
      } else {
        current.append(scalar)
      }
    }
    lines.append(String(current))
    self.lines = lines
  }
}

extension String {
  /// Without leading and trailing spaces and tabs; other white space (an ideographic space, a
  /// no-break space) is content and stays.
  func trimmingASCIIWhitespace() -> String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
      let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })
    else { return "" }
    return String(scalars[first...last])
  }
}
