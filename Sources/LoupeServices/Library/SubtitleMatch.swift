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
    let needle = normalized(query), haystack = normalized(text)
    guard !needle.isEmpty else { return false }
    if haystack.contains(needle) { return true }
    guard needle.count >= 3 else { return false }
    let pairs = bigrams(needle)
    let present = bigrams(haystack)
    let found = pairs.filter { present.contains($0) }.count
    return Double(found) >= 0.7 * Double(pairs.count)
  }

  static func normalized(_ text: String) -> String {
    let folded = text.precomposedStringWithCompatibilityMapping.lowercased()
    return String(
      folded.unicodeScalars.filter {
        !CharacterSet.whitespacesAndNewlines.contains($0) && !CharacterSet.punctuationCharacters.contains($0)
          && !CharacterSet.symbols.contains($0)
      }.map(Character.init)
    )
  }

  private static func bigrams(_ text: String) -> [String] {
    let characters = Array(text)
    guard characters.count >= 2 else { return [] }
    return (0..<characters.count - 1).map { String(characters[$0...$0 + 1]) }
  }
}
