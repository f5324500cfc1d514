import Foundation
import LoupeAnalysis
import LoupeMedia
import LoupeRuntime
import LoupeVision

/// The real models behind `/api/v1/images`, loaded once at start-up.
public struct LiveImageAnalysis: ImageAnalysisService {
  let quality: ImageQualityAssessor
  let faces: FaceAttributeAnalyzer
  let tagger: ImageTagger

  public static func load(dependencies: DependenciesDirectory, options: InferenceOptions) async throws
    -> LiveImageAnalysis
  {
    LiveImageAnalysis(
      quality: try ImageQualityAssessor(),
      faces: try FaceAttributeAnalyzer.live(dependencies: dependencies, options: options),
      tagger: try await ImageTagger.live(dependencies: dependencies, options: options))
  }

  public func analyze(_ command: ImageCommand, image: PixelBuffer) async throws -> ImageAnalysisResult {
    switch command {
    case .quality:
      let report = try quality.assess(image)
      return .quality(
        QualityPayload(iqaResult: report.score.rounded(to: 2), imageHeight: image.height, imageWidth: image.width))
    case .faceAttributes:
      return .faceAttributes(FaceAttributesPayload(attr: try await faces.attributes(of: image).map(Self.payload)))
    case .ageRange:
      let estimate = try await faces.ageRange(of: image)
      return .ageRange(
        AgeRangePayload(ageRange: estimate.range.rawValue, probability: Double(estimate.probability).rounded(to: 4)))
    case .tags(let options):
      let tagging = try await tagger.tag(image, language: options.language.rawValue)
      let tags = tagging.tags.prefix(options.topK).map {
        TagsPayload.Tag(tag: $0.name, score: Double($0.score).rounded(to: 3))
      }
      let embedding = options.includeEmbedding ? tagging.embedding.map(Self.commaSeparated) : nil
      if options.includeEmbedding && embedding == nil {
        throw AnalysisError.modelFailure("no concept in the image carried weight for an embedding")
      }
      return .tags(
        TagsPayload(
          tagResult: Array(tags), embeddingResult: embedding, imageHeight: image.height, imageWidth: image.width))
    case .tagger(let threshold, let language):
      let tagging = try await tagger.tag(image, language: language.rawValue)
      let names = tagger.labelNames(language: language.rawValue)
      let caption = zip(names, tagging.labelScores)
        .filter { Double($0.1) >= threshold }
        .sorted { $0.1 > $1.1 }
        .map(\.0)
      var unique: [String] = []
      for name in caption where !unique.contains(name) { unique.append(name) }
      return .tagger(
        TaggerPayload(caption: unique.joined(separator: ", "), probs: tagging.labelScores.map { Double($0) }))
    }
  }

  static func payload(_ face: FaceAttributes) -> FaceAttributesPayload.Face {
    FaceAttributesPayload.Face(
      index: face.index, bbox: face.boundingBox, faceScore: Double(face.faceScore).rounded(to: 4), age: face.age,
      gender: face.gender.rawValue, genderScore: Double(face.genderProbability).rounded(to: 4),
      faceShape: Dictionary(
        uniqueKeysWithValues: face.faceShape.map { ($0.key.rawValue, Double($0.value).rounded(to: 4)) }),
      hairColor: face.hairColor.map { colours in
        Dictionary(uniqueKeysWithValues: colours.map { ($0.key.rawValue, Double($0.value).rounded(to: 4)) })
      })
  }

  static func commaSeparated(_ vector: [Float]) -> String {
    vector.map { String(format: "%.6f", $0) }.joined(separator: ",")
  }
}

extension Double {
  func rounded(to places: Int) -> Double {
    let scale = Foundation.pow(10, Double(places))
    return (self * scale).rounded() / scale
  }
}
