import LoupeMedia

/// The models behind the embeddings: the seam the live models and test doubles share.
public protocol EmbeddingService: Sendable {
  /// Semantic vectors of texts, L2-normalised, in order.
  func embed(texts: [String]) async throws -> [[Float]]
  /// The number of tokens the text encoder reads for `text` (the usage figure clients see).
  func tokenCount(of text: String) -> Int
  /// An image's vector in `model`'s space, L2-normalised. Throws `ServiceError.invalidInput`
  /// when the image carries nothing to place it by (no concept scored for the semantic space).
  func embed(image: PixelBuffer, model: EmbeddingModel) async throws -> [Float]
}
