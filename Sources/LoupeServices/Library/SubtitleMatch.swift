import Foundation

/// How subtitle and keyword searches compare text. Exact matching is a plain substring test,
/// character by character (so one- and two-character CJK queries work); fuzzy matching first
/// folds width, case and compatibility forms (NFKC) and drops spaces and punctuation, then
/// accepts a substring, or, for queries of three characters or more, a line holding at least
/// 70% of the query's character pairs (typos, a dropped particle).
public enum SubtitleMatch {
  public static func exact(_ query: String, in text: String) -> Bool {
    !query.isEmpty && text.contains(query)
  }

  public static func fuzzy(_ query: String, in text: String) -> Bool {
    FuzzyNeedle(query).matches(FoldedLine(folding: text))
  }

  /// Folds `text` for fuzzy matching: NFKC, lower case, without whitespace, punctuation or
  /// symbols (Unicode categories Z, P and S). A search folds every clip's texts once per project
  /// snapshot; ASCII text, most of it in Western libraries, skips the Unicode machinery.
  static func normalized(_ text: String) -> String {
    if text.utf8.allSatisfy({ $0 < 0x80 }) {
      // NFKC leaves ASCII alone; of ASCII, Z, P and S are the space and the printable
      // characters other than letters and digits, and the whitespace controls.
      let kept = text.utf8.compactMap { byte -> UInt8? in
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte + 0x20
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): byte
        case 0x09...0x0D, 0x20...0x7E: nil
        default: byte
        }
      }
      return String(decoding: kept, as: UTF8.self)
    }
    var scalars = String.UnicodeScalarView()
    for scalar in text.precomposedStringWithCompatibilityMapping.lowercased().unicodeScalars
    where !dropped(scalar) {
      scalars.append(scalar)
    }
    return String(scalars)
  }

  /// Whitespace (`CharacterSet.whitespacesAndNewlines`), punctuation and symbols.
  private static func dropped(_ scalar: Unicode.Scalar) -> Bool {
    let properties = scalar.properties
    if properties.isWhitespace { return true }
    switch properties.generalCategory {
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
      .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol,
      .spaceSeparator, .lineSeparator, .paragraphSeparator:
      return true
    default:
      return false
    }
  }
}

/// A line folded for fuzzy matching (`SubtitleMatch.normalized`), as UTF-8, with a 64-bit
/// summary of its scalars (bit `value % 64` set for each) that lets most lines be ruled out
/// without decoding them.
public struct FoldedLine: Sendable {
  public let bytes: [UInt8]
  let scalars: UInt64

  public init(folding text: String) {
    let folded = SubtitleMatch.normalized(text)
    bytes = Array(folded.utf8)
    scalars = folded.unicodeScalars.reduce(0) { $0 | Self.bit($1) }
  }

  static func bit(_ scalar: Unicode.Scalar) -> UInt64 {
    1 << UInt64(scalar.value % 64)
  }
}

/// A fuzzy query folded once, to test many folded lines: a line matches when it holds the
/// query, or, for a query of three characters or more, at least 70% of the query's character
/// pairs (each pair counted as often as the query has it).
public struct FuzzyNeedle: Sendable {
  let bytes: [UInt8]
  /// Each distinct pair of adjacent scalars, packed in 64 bits, with its slot, how often the
  /// query has it, and the summary bits its two scalars need.
  private let pairs: [UInt64: (slot: Int, count: Int, bits: UInt64)]
  /// The pairs' summary bits and counts, as an array: tested against every line.
  private let pairBits: [(bits: UInt64, count: Int)]
  private let pairTotal: Int
  private let scalarCount: Int

  public init(_ query: String) {
    let folded = SubtitleMatch.normalized(query)
    bytes = Array(folded.utf8)
    let scalars = Array(folded.unicodeScalars)
    scalarCount = scalars.count
    var pairs: [UInt64: (slot: Int, count: Int, bits: UInt64)] = [:]
    for index in scalars.indices.dropLast() {
      let (first, second) = (scalars[index], scalars[index + 1])
      let key = Self.key(first, second)
      pairs[key] = (
        pairs[key]?.slot ?? pairs.count, (pairs[key]?.count ?? 0) + 1, FoldedLine.bit(first) | FoldedLine.bit(second)
      )
    }
    self.pairs = pairs
    pairBits = pairs.values.map { ($0.bits, $0.count) }
    pairTotal = max(scalars.count - 1, 0)
  }

  public var isEmpty: Bool { bytes.isEmpty }

  public func matches(_ line: FoldedLine) -> Bool {
    guard !bytes.isEmpty else { return false }
    if FoldedTexts.contains(line.bytes, bytes) { return true }
    guard scalarCount >= 3 else { return false }
    let needed = 0.7 * Double(pairTotal)
    // An upper bound from the summary: a pair whose scalars' bits are missing is not there.
    var possible = 0
    for pair in pairBits where pair.bits & line.scalars == pair.bits { possible += pair.count }
    guard Double(possible) >= needed else { return false }
    var seen = [Bool](repeating: false, count: pairs.count)
    var found = 0
    var previous: Unicode.Scalar?
    var iterator = line.bytes.makeIterator()
    var decoder = UTF8()
    while case .scalarValue(let scalar) = decoder.decode(&iterator) {
      if let previous, let pair = pairs[Self.key(previous, scalar)], !seen[pair.slot] {
        seen[pair.slot] = true
        found += pair.count
      }
      previous = scalar
    }
    return Double(found) >= needed
  }

  private static func key(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> UInt64 {
    UInt64(first.value) << 32 | UInt64(second.value)
  }
}
