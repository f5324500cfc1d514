import Foundation

/// A reader for the subset of OpenCV's FileStorage YAML (`%YAML:1.0`) that the BRISQUE model and
/// range files use: block mappings nested by indentation, block sequences (`-` items, possibly
/// with the item's content on the following lines), flow sequences of numbers that may span
/// lines, flow mappings like `{ epsilon:1e-03 }`, and the `!!opencv-matrix` tag.
indirect enum OpenCVStorage: Equatable, Sendable {
  case scalar(String)
  case sequence([OpenCVStorage])
  case mapping([String: OpenCVStorage])

  struct ParseError: Error, Equatable, CustomStringConvertible {
    var line: Int
    var reason: String
    var description: String { "line \(line): \(reason)" }
  }

  init(parsing text: String) throws {
    var parser = Parser(lines: try Self.logicalLines(text))
    self = try parser.block(indent: 0)
    if let extra = parser.peek { throw ParseError(line: extra.number, reason: "unexpected content") }
  }

  subscript(key: String) -> OpenCVStorage? {
    if case .mapping(let entries) = self { entries[key] } else { nil }
  }

  var text: String? {
    if case .scalar(let value) = self { value } else { nil }
  }

  var number: Double? { text.flatMap { Double($0) } }

  var numbers: [Double]? {
    guard case .sequence(let items) = self else { return nil }
    let values = items.compactMap(\.number)
    return values.count == items.count ? values : nil
  }

  /// An `!!opencv-matrix`: its row and column counts and row-major data.
  var matrix: (rows: Int, columns: Int, data: [Double])? {
    guard let rows = self["rows"]?.number, let columns = self["cols"]?.number, let data = self["data"]?.numbers,
      data.count == Int(rows) * Int(columns)
    else { return nil }
    return (Int(rows), Int(columns), data)
  }

  // MARK: - Parsing

  private struct Line {
    var number: Int
    var indent: Int
    var content: Substring
  }

  /// Non-blank lines without directives, a flow collection that spans lines joined into one.
  /// Bytes, not Characters: the model file is 570 KB of numbers, and Character-wise trimming
  /// and splitting took 5 s of every debug server's start.
  private static func logicalLines(_ text: String) throws -> [Line] {
    var lines: [Line] = []
    var open: Line?
    var depth = 0
    for (index, raw) in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
      let trimmed = Substring(trimmingSpaces(raw))
      if open == nil && (trimmed.isEmpty || trimmed.hasPrefix("%") || trimmed == "---" || trimmed.hasPrefix("#")) {
        continue
      }
      var line = open ?? Line(number: index + 1, indent: raw.prefix { $0 == UInt8(ascii: " ") }.count, content: "")
      line.content += open == nil ? trimmed : " " + trimmed
      for byte in trimmed.utf8 {
        if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") { depth += 1 }
        if byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") { depth -= 1 }
      }
      if depth > 0 {
        open = line
      } else {
        open = nil
        depth = 0
        lines.append(line)
      }
    }
    if let open { throw ParseError(line: open.number, reason: "unclosed bracket") }
    return lines
  }

  /// `bytes` without leading and trailing ASCII whitespace.
  private static func trimmingSpaces(_ bytes: Substring.UTF8View) -> Substring.UTF8View {
    let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }
    guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) })
    else { return bytes[bytes.endIndex...] }
    return bytes[first...last]
  }

  private struct Parser {
    var lines: [Line]
    var position = 0

    var peek: Line? { position < lines.count ? lines[position] : nil }

    /// The block that starts at the next line, whose indent must be at least `indent`.
    mutating func block(indent: Int) throws -> OpenCVStorage {
      guard let first = peek, first.indent >= indent else {
        throw ParseError(line: peek?.number ?? lines.count, reason: "missing value")
      }
      return first.content.hasPrefix("-") ? try sequence(indent: first.indent) : try mapping(indent: first.indent)
    }

    private mutating func mapping(indent: Int) throws -> OpenCVStorage {
      var entries: [String: OpenCVStorage] = [:]
      while let line = peek, line.indent == indent, !line.content.hasPrefix("-") {
        guard let colon = line.content.firstIndex(of: ":") else {
          throw ParseError(line: line.number, reason: "expected `key: value`")
        }
        let key = String(line.content[..<colon])
        var rest = line.content[line.content.index(after: colon)...].drop { $0 == " " }
        if rest.hasPrefix("!!") { rest = rest.drop { $0 != " " }.drop { $0 == " " } }
        position += 1
        entries[key] = rest.isEmpty ? try block(indent: indent + 1) : try OpenCVStorage.flow(rest, line: line.number)
      }
      if let line = peek, line.indent > indent { throw ParseError(line: line.number, reason: "bad indentation") }
      return .mapping(entries)
    }

    private mutating func sequence(indent: Int) throws -> OpenCVStorage {
      var items: [OpenCVStorage] = []
      while let line = peek, line.indent == indent, line.content.hasPrefix("-") {
        let rest = line.content.dropFirst().drop { $0 == " " }
        position += 1
        items.append(rest.isEmpty ? try block(indent: indent + 1) : try OpenCVStorage.flow(rest, line: line.number))
      }
      return .sequence(items)
    }
  }

  /// A scalar, `[a, b, ...]` of scalars, or `{ key:value, ... }` of scalars.
  private static func flow(_ text: Substring, line: Int) throws -> OpenCVStorage {
    let unquote = { (item: Substring) -> String in
      let item = Substring(trimmingSpaces(item.utf8))
      let quoted = item.utf8.count >= 2 && item.utf8.first == UInt8(ascii: "\"") && item.utf8.last == UInt8(ascii: "\"")
      return quoted ? String(item.dropFirst().dropLast()) : String(item)
    }
    if text.first == "[" || text.first == "{" {
      guard text.last == (text.first == "[" ? "]" : "}") else {
        throw ParseError(line: line, reason: "unclosed bracket")
      }
      let items = text.dropFirst().dropLast().utf8.split(separator: UInt8(ascii: ","))
        .map(Substring.init).filter { !trimmingSpaces($0.utf8).isEmpty }
      if text.first == "[" { return .sequence(items.map { .scalar(unquote($0)) }) }
      var entries: [String: OpenCVStorage] = [:]
      for item in items {
        guard let colon = item.firstIndex(of: ":") else { throw ParseError(line: line, reason: "expected key:value") }
        entries[unquote(item[..<colon])] = .scalar(unquote(item[item.index(after: colon)...]))
      }
      return .mapping(entries)
    }
    return .scalar(unquote(text))
  }
}
