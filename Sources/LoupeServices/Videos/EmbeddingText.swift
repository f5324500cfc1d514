import Foundation

/// PAI's `embedding_result`: the vector as one comma-separated string, six decimals each. Job
/// results (written by workers) and image answers share it.
public enum EmbeddingText {
  public static func commaSeparated(_ vector: [Float]) -> String {
    vector.map { String(format: "%.6f", $0) }.joined(separator: ",")
  }
}
