import LoupeAnalysis
import LoupeMedia
import LoupeVision

/// The live embeddings, sharing the image tagger's models: its text encoder for texts, its
/// ConSE embedding for images in the semantic space, its classifier's features for the visual
/// one.
public struct LiveEmbeddingService: EmbeddingService {
  let tagger: ImageTagger

  public init(tagger: ImageTagger) {
    self.tagger = tagger
  }

  public func embed(texts: [String]) async throws -> [[Float]] {
    try await tagger.encoder.embed(texts)
  }

  public func tokenCount(of text: String) -> Int {
    tagger.encoder.tokenizer.encode(text).count
  }

  public func embed(image: PixelBuffer, model: EmbeddingModel) async throws -> [Float] {
    switch model {
    case .semantic:
      guard let embedding = try await tagger.tag(image).embedding else {
        throw ServiceError.invalidInput("the image shows no concept the semantic space can place it by")
      }
      return embedding
    case .visual:
      return try await tagger.classifier.visualVector(of: image)
    }
  }
}
