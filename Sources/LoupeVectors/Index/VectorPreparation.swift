/// Checks a vector against an index and puts it in the form the index stores: unchanged for l2,
/// scaled to unit length for cosine (so cosine distance is `1 − dot`).
struct VectorPreparation: Sendable {
  let dimension: Int
  let metric: VectorMetric

  func prepare(_ vector: [Float]) throws(VectorIndexError) -> [Float] {
    guard vector.count == dimension else {
      throw .dimensionMismatch(expected: dimension, actual: vector.count)
    }
    if let position = vector.firstIndex(where: { !$0.isFinite }) {
      throw .nonFiniteValue(position: position)
    }
    guard metric == .cosine else { return vector }
    // Summed in Double: 512 squares of small floats lose digits in Float.
    let norm = vector.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
    guard norm > 0, norm.isFinite else { throw .zeroVector }
    let scale = Float(1 / norm)
    return vector.map { $0 * scale }
  }

  /// Prepares every vector and keeps the last of equal ids, in first-seen order.
  func prepare(
    _ vectors: some Sequence<(Int64, [Float])>
  ) throws(VectorIndexError) -> (ids: [Int64], values: [Float]) {
    var ids: [Int64] = []
    var values: [Float] = []
    var rows: [Int64: Int] = [:]
    for (id, vector) in vectors {
      let prepared = try prepare(vector)
      if let row = rows[id] {
        values.replaceSubrange(row * dimension..<(row + 1) * dimension, with: prepared)
      } else {
        rows[id] = ids.count
        ids.append(id)
        values.append(contentsOf: prepared)
      }
    }
    return (ids, values)
  }
}
