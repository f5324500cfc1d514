import Foundation

/// Class names for a model's outputs, in English and in any number of other languages whose
/// tables are aligned line by line with the English one.
///
/// Identifiers are the model's own: output indices 0–999 for ImageNet, COCO category ids 1–90
/// for the detector (`firstIdentifier` maps them to lines).
public struct LabelSet: Sendable, Equatable {
  public let firstIdentifier: Int
  private var tables: [Language: [String]]

  public init(english names: [String], firstIdentifier: Int = 0) {
    self.firstIdentifier = firstIdentifier
    tables = [.english: names]
  }

  /// Reads one class per line; `firstSynonymOnly` keeps what precedes the first comma, as in
  /// ImageNet's "tabby, tabby cat".
  public init(contentsOf url: URL, firstIdentifier: Int = 0, firstSynonymOnly: Bool = false) throws {
    self.init(english: try Self.lines(of: url, firstSynonymOnly: firstSynonymOnly), firstIdentifier: firstIdentifier)
  }

  public var count: Int { tables[.english]?.count ?? 0 }
  public var languages: [Language] { Language.allCases.filter { tables[$0] != nil } }
  public var identifiers: Range<Int> { firstIdentifier..<(firstIdentifier + count) }

  /// The set with a second-language table added; it must have exactly one line per class.
  public func adding(language: Language, names: [String]) throws -> LabelSet {
    guard names.count == count else {
      throw LabelSetError.misalignedTable(language: language, lines: names.count, expected: count)
    }
    var copy = self
    copy.tables[language] = names
    return copy
  }

  public func adding(language: Language, contentsOf url: URL) throws -> LabelSet {
    try adding(language: language, names: try Self.lines(of: url, firstSynonymOnly: false))
  }

  /// The name of `identifier` in `language`, falling back to English when that language has
  /// no table; nil for an identifier outside the set.
  public func name(of identifier: Int, language: Language = .english) -> String? {
    guard identifiers.contains(identifier), let table = tables[language] ?? tables[.english] else { return nil }
    return table[identifier - firstIdentifier]
  }

  static func lines(of url: URL, firstSynonymOnly: Bool) throws -> [String] {
    var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
    if lines.last == "" { lines.removeLast() }
    return lines.map { line in
      let name = firstSynonymOnly ? line.prefix { $0 != "," } : Substring(line)
      return name.trimmingCharacters(in: .whitespacesAndNewlines)
    }
  }
}

public enum LabelSetError: Error, Equatable, CustomStringConvertible {
  case misalignedTable(language: Language, lines: Int, expected: Int)
  case missingTable(String)
  case malformedTable(String, line: String)

  public var description: String {
    switch self {
    case .misalignedTable(let language, let lines, let expected):
      "the \(language.rawValue) label table has \(lines) lines; the English table has \(expected)"
    case .missingTable(let name): "the label table \(name).txt is missing from Loupe's resources"
    case .malformedTable(let name, let line): "the label table \(name).txt has a malformed entry: \(line)"
    }
  }
}
