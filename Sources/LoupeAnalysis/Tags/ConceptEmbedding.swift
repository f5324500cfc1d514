/// ConSE: an image is placed in the text encoder's space as the weighted mean of the embeddings of
/// the concepts it shows, so a text query embedded by the same encoder ranks images by meaning.
public enum ConceptEmbedding {
  /// L2-normalised `Σ weight · vector`; `nil` when nothing carries weight (no concept, all zero).
  public static func combine(_ concepts: [(weight: Float, vector: [Float])]) -> [Float]? {
    guard let dimension = concepts.first?.vector.count else { return nil }
    var sum = [Float](repeating: 0, count: dimension)
    for concept in concepts where concept.weight > 0 {
      precondition(concept.vector.count == dimension, "concept vectors must share one dimension")
      for index in 0..<dimension { sum[index] += concept.weight * concept.vector[index] }
    }
    let norm = sum.reduce(0) { $0 + $1 * $1 }.squareRoot()
    guard norm > 0 else { return nil }
    return sum.map { $0 / norm }
  }
}
