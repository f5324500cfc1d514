import LoupeAnalysis
import LoupeMedia
import LoupeRuntime
import LoupeVision

/// The real models behind `/api/v1/images`, loaded once at start-up through the model cache.
public struct LiveImageAnalysis: ImageAnalysisService {
  let quality: ImageQualityAssessor
  let faces: FaceAttributeAnalyzer
  public let tagger: ImageTagger
  let reshaper: BodyReshaper
  let watermarks: WatermarkRemover

  /// Largest photo the editing models (`body_reshaping`, `watermark_remover`) take: they answer
  /// a full-size picture and hold several full-size working planes meanwhile (watermark removal
  /// about 30 bytes a pixel), so the 100-megapixel decoding limit would cost gigabytes per
  /// request. 25 megapixels keeps a 6000 × 4000 camera photo.
  public static let maxEditPixels = 25_000_000

  public static func load(
    dependencies: DependenciesDirectory,
    options: InferenceOptions
  ) async throws
    -> LiveImageAnalysis
  {
    LiveImageAnalysis(
      quality: try ImageQualityAssessor(),
      faces: try FaceAttributeAnalyzer.live(dependencies: dependencies, options: options),
      tagger: try await ImageTagger.live(dependencies: dependencies, options: options),
      reshaper: try BodyReshaper.live(dependencies: dependencies, options: options),
      watermarks: try WatermarkRemover.live(dependencies: dependencies, options: options)
    )
  }

  public func analyze(_ command: ImageCommand, image: PixelBuffer) async throws -> ImageAnalysisResult {
    switch command {
    case .quality:
      // Seconds of image statistics on large photos: off the cooperative threads.
      let report = try await offCooperativePool { [quality] in try quality.assess(image) }
      return .quality(score: report.score)
    case .faceAttributes:
      return .faceAttributes(try await faces.attributes(of: image))
    case .ageRange:
      return .ageRange(try await faces.ageRange(of: image))
    case .tags(let options):
      let tagging = try await tagger.tag(image, withEmbedding: options.includeEmbedding)
      if options.includeEmbedding && tagging.embedding == nil {
        throw AnalysisError.modelFailure("no concept in the image carried weight for an embedding")
      }
      return .tags(
        Array(tagger.named(tagging.tags, in: options.language).prefix(options.topK)),
        embedding: options.includeEmbedding ? tagging.embedding : nil
      )
    case .tagger(let threshold, let language):
      return .tagger(
        tagger.caption(of: try await tagger.tag(image, withEmbedding: false), threshold: threshold, in: language)
      )
    case .bodyReshaping(let degree):
      try Self.checkEditable(width: image.width, height: image.height)
      return .image(encoded: try EditedImageEncoding.encode(try await reshaper.reshape(image, degree: degree)))
    case .watermarkRemoval:
      try Self.checkEditable(width: image.width, height: image.height)
      return .image(encoded: try EditedImageEncoding.encode(try await watermarks.remove(from: image)))
    }
  }

  static func checkEditable(width: Int, height: Int) throws {
    guard width * height <= maxEditPixels else {
      throw ServiceError.invalidInput(
        "the photo is \(width) × \(height) pixels; photo edits take at most 25 megapixels"
      )
    }
  }
}
