import LoupeAnalysis
import LoupeMedia
import LoupeServices

/// A deterministic `ImageAnalysisService` for testing the layers above the models: it answers
/// every command from the image's size alone (edits return the image unchanged), and records
/// nothing.
public struct FixedImageAnalysis: ImageAnalysisService {
  public init() {}

  public func analyze(_ command: ImageCommand, image: PixelBuffer) async throws -> ImageAnalysisResult {
    switch command {
    case .quality:
      .quality(score: 50)
    case .faceAttributes:
      .faceAttributes([])
    case .ageRange:
      .ageRange(FairFaceAgeEstimate(range: .from20To29, probability: 1))
    case .tags(let options):
      .tags(
        Array(repeating: NamedTag(name: "fixed", score: 1), count: options.topK),
        embedding: options.includeEmbedding ? [1, 0] : nil
      )
    case .tagger:
      .tagger(TaggerCaption(caption: "fixed", probabilities: [1]))
    case .bodyReshaping, .watermarkRemoval:
      .image(encoded: try ImageEncoder.encode(image, as: .png))
    }
  }
}
