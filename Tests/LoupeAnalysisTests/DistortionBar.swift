import Foundation

/// One photo's ImageQA scores: the original's, then each ladder's levels, mildest first.
struct DistortionLadderScores: Sendable {
  var photo: String
  var original: Double
  var levels: [String: [Double]]
}

/// The bar ImageQA must meet on photos it was not fitted on: over all ladders, at least 95% of
/// the consecutive steps (original → level 1 → … → level 4) do not raise the score, and no level
/// of any distortion scores more than 5 points above its original.
struct DistortionBar {
  static let minimumNonIncreasingShare = 0.95
  static let maximumRise = 5.0

  struct Row {
    var kind: String
    var nonIncreasingSteps = 0
    var steps = 0
    var maximumRise = -Double.infinity
    /// The original's, then each level's mean over the photos.
    var meanScores: [Double] = []
  }

  var rows: [Row]
  /// "photo: kind +rise" for every rise above `maximumRise`.
  var excessiveRises: [String] = []

  init(_ photos: [DistortionLadderScores], kinds: [String]) {
    rows = kinds.map { Row(kind: $0) }
    for index in rows.indices {
      let kind = rows[index].kind
      var sums: [Double] = []
      for photo in photos {
        let scores = [photo.original] + (photo.levels[kind] ?? [])
        if sums.isEmpty { sums = Array(repeating: 0, count: scores.count) }
        for (level, score) in scores.enumerated() { sums[level] += score }
        for (before, after) in zip(scores, scores.dropFirst()) {
          rows[index].steps += 1
          if after <= before { rows[index].nonIncreasingSteps += 1 }
        }
        let rise = (scores.dropFirst().max() ?? photo.original) - photo.original
        rows[index].maximumRise = max(rows[index].maximumRise, rise)
        if rise > Self.maximumRise { excessiveRises.append("\(photo.photo): \(kind) +\(String(format: "%.1f", rise))") }
      }
      rows[index].meanScores = sums.map { $0 / Double(max(photos.count, 1)) }
    }
  }

  var nonIncreasingShare: Double {
    let steps = rows.reduce(0) { $0 + $1.steps }
    return steps > 0 ? Double(rows.reduce(0) { $0 + $1.nonIncreasingSteps }) / Double(steps) : 0
  }

  var isMet: Bool { nonIncreasingShare >= Self.minimumNonIncreasingShare && excessiveRises.isEmpty }

  /// The table docs/models.md publishes.
  var markdownTable: String {
    var lines = [
      "| distortion | non-increasing steps | max rise | mean: original | level 1 | level 2 | level 3 | level 4 |",
      "|---|---|---|---|---|---|---|---|",
    ]
    for row in rows {
      let share = Double(row.nonIncreasingSteps) / Double(max(row.steps, 1))
      let means = row.meanScores.map { String(format: "%.1f", $0) }.joined(separator: " | ")
      lines.append(
        "| \(row.kind) | \(row.nonIncreasingSteps)/\(row.steps) (\(String(format: "%.1f", 100 * share))%) "
          + "| \(String(format: "%+.1f", row.maximumRise)) | \(means) |"
      )
    }
    let steps = rows.reduce(0) { $0 + $1.steps }
    let kept = rows.reduce(0) { $0 + $1.nonIncreasingSteps }
    lines.append("| all | \(kept)/\(steps) (\(String(format: "%.1f", 100 * nonIncreasingShare))%) | | | | | | |")
    return lines.joined(separator: "\n")
  }
}
