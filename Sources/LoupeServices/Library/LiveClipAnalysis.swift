import LoupeAnalysis
import LoupeMedia
import LoupeVision

/// The live clip analysis, on the image tagger's models: its labels and ConSE embedding for the
/// semantic space, the classifier's mirrored features for the visual one (as `/v1/embeddings`).
public struct LiveClipAnalysis: ClipAnalysisService {
  let tagger: ImageTagger
  let embeddings: LiveEmbeddingService
  /// Labels scoring below this are not stored as tags.
  static let labelThreshold: Float = 0.15
  static let maxLabels = 8

  public init(tagger: ImageTagger) {
    self.tagger = tagger
    embeddings = LiveEmbeddingService(tagger: tagger)
  }

  public func analyze(keyframe: PixelBuffer) async throws -> ClipAnalysis {
    async let tagging = tagger.tag(keyframe)
    async let visual = embeddings.embed(image: keyframe, model: .visual)
    let tags = try await tagging
    let labels = tagger.named(tags.tags, in: .english).filter { $0.score >= Self.labelThreshold }.prefix(Self.maxLabels)
    return ClipAnalysis(labels: labels.map(\.name), semantic: tags.embedding, visual: try await visual)
  }

  public func embed(query: String) async throws -> [Float] {
    try await embeddings.embed(texts: [query])[0]
  }

  public func visualVector(of image: PixelBuffer) async throws -> [Float] {
    try await embeddings.embed(image: image, model: .visual)
  }
}
