import Hummingbird
import LoupeServices

/// `POST /v1/embeddings`: OpenAI/Jina-compatible embeddings of texts and images in Loupe's two
/// spaces, for Bearer keys.
struct EmbeddingRoutes {
  let embeddings: EmbeddingActions?
  let maxJSONDepth: Int

  func add(to group: RouterGroup<KeyRequestContext>) {
    group.post("embeddings") { _, context in
      let request = try JSONBody.decode(EmbeddingRequest.self, from: context.rawBody, maxDepth: maxJSONDepth)
      let model = try request.embeddingModel()
      guard let embeddings else { throw ServiceError.modelNotFound }
      let base64: Bool
      switch request.encodingFormat ?? "float" {
      case "float": base64 = false
      case "base64": base64 = true
      case let other:
        throw KeyAPIError.validation("encoding_format must be float or base64, got \(other.debugDescription)")
      }
      let inputs = try request.inputs()
      let vectors = try await embeddings.embed(inputs, model: model, owner: context.grant.key.id)
      let tokens = embeddings.tokenCount(of: inputs)
      return try KeyAPIResponse.json(
        EmbeddingResponse(
          data: vectors.enumerated().map { .init(index: $0, embedding: .init($1, base64: base64)) },
          model: model.rawValue,
          usage: .init(promptTokens: tokens, totalTokens: tokens)
        )
      )
    }
  }
}
