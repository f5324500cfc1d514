extension Array where Element == Double {
  /// The percentile at `fraction` (0...1), interpolated between ranks as numpy's default does,
  /// so Swift and Python rows of a benchmark compare like for like; NaN when empty.
  func percentile(_ fraction: Double) -> Double {
    guard !isEmpty else { return .nan }
    let sorted = self.sorted()
    let position = fraction * Double(sorted.count - 1)
    let lower = Int(position.rounded(.down))
    let upper = Swift.min(lower + 1, sorted.count - 1)
    return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
  }
}
