/// Error rates of a transcript against its reference, for the speech acceptance tests.
public enum EditDistance {
  /// Levenshtein distance between two sequences.
  public static func distance<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
    guard !a.isEmpty else { return b.count }
    var previous = Array(0...b.count)
    for (i, x) in a.enumerated() {
      var current = [i + 1] + [Int](repeating: 0, count: b.count)
      for (j, y) in b.enumerated() {
        current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
      }
      previous = current
    }
    return previous[b.count]
  }

  /// Character error rate, punctuation and spaces left out (Japanese and Chinese have no words).
  public static func characterErrorRate(_ hypothesis: String, reference: String) -> Double {
    let keep = { (text: String) in Array(text.filter { $0.isLetter || $0.isNumber }) }
    let expected = keep(reference)
    return Double(distance(keep(hypothesis), expected)) / Double(max(expected.count, 1))
  }

  /// Word error rate over lower-cased words, punctuation left out.
  public static func wordErrorRate(_ hypothesis: String, reference: String) -> Double {
    let words = { (text: String) in
      text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "'") }.map(String.init)
    }
    let expected = words(reference)
    return Double(distance(words(hypothesis), expected)) / Double(max(expected.count, 1))
  }
}
