import LoupeMedia

/// A deterministic `ImageAnalysisService` for testing the HTTP edge without models: it answers
/// every command from the image's size alone, and records nothing.
public struct FixedImageAnalysis: ImageAnalysisService {
  public init() {}

  public func analyze(_ command: ImageCommand, image: PixelBuffer) async throws -> ImageAnalysisResult {
    switch command {
    case .quality:
      .quality(QualityPayload(iqaResult: 50, imageHeight: image.height, imageWidth: image.width))
    case .faceAttributes:
      .faceAttributes(FaceAttributesPayload(attr: []))
    case .ageRange:
      .ageRange(AgeRangePayload(ageRange: "20-29", probability: 1))
    case .tags(let options):
      .tags(
        TagsPayload(
          tagResult: Array(repeating: .init(tag: "fixed", score: 1), count: options.topK),
          embeddingResult: options.includeEmbedding ? "1,0" : nil, imageHeight: image.height,
          imageWidth: image.width))
    case .tagger:
      .tagger(TaggerPayload(caption: "fixed", probs: [1]))
    }
  }
}
