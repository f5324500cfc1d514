/// Recall@5 and mean reciprocal rank of text queries over a gallery, from the rank (1-based) of
/// each query's best-placed relevant photo.
struct RetrievalScores: Equatable {
  var count: Int
  var recallAt5: Double
  var meanReciprocalRank: Double

  init(ranks: [Int]) {
    count = ranks.count
    recallAt5 = ranks.isEmpty ? 0 : Double(ranks.filter { $0 <= 5 }.count) / Double(ranks.count)
    meanReciprocalRank = ranks.isEmpty ? 0 : ranks.map { 1 / Double($0) }.reduce(0, +) / Double(ranks.count)
  }

  /// The rank of the best relevant item when `scores` (one per gallery item) are sorted
  /// descending; ties count against the query, so a constant embedding cannot score well.
  static func bestRank(scores: [Float], relevant: Set<Int>) -> Int {
    relevant.map { item in 1 + scores.indices.filter { $0 != item && scores[$0] >= scores[item] }.count }.min() ?? .max
  }

  var row: String {
    "\(count) | \(String(format: "%.3f", recallAt5)) | \(String(format: "%.3f", meanReciprocalRank))"
  }
}
