/// How distances between vectors are measured. Smaller is closer for both.
public enum VectorMetric: String, Sendable, CaseIterable {
  /// `1 − cos(a, b)`, in [0, 2]. Vectors are normalised when added and when queried, so the
  /// distance is `1 − a·b` on unit vectors, as hnswlib's inner-product space computes it.
  case cosine
  /// Squared Euclidean distance, `Σ (aᵢ − bᵢ)²`: what hnswlib and faiss report, and what ranks
  /// the same as Euclidean without a square root per candidate. Thresholds must be squared too.
  case l2
}
