import LoupeAnalysis
import LoupeVision

/// What a `/api/v1/images` request asks for, after its action, model name and `configure` have
/// been validated. Everything past this point is typed.
public enum ImageCommand: Equatable, Sendable {
  case quality
  case faceAttributes
  case ageRange
  case tags(TagOptions)
  case tagger(threshold: Double, language: Language)
  /// `body_reshaping`: > 0 slims every person, < 0 fills them out (see `BodyReshaper`).
  case bodyReshaping(degree: Double)
  /// `watermark_remover`: text watermarks found and removed (see `WatermarkRemover`).
  case watermarkRemoval

  public static func parse(action: String, modelName: String?, configure: Configure) throws -> ImageCommand {
    let model = modelName ?? ""
    switch (action, model) {
    case ("ImageQA", ""):
      return .quality
    case ("FaceAttrImage", ""):
      return .faceAttributes
    case ("FaceAttrImage", "fairface"):
      return .ageRange
    case ("MultiLabelImageV2", ""), ("MultiLabelImage", ""):
      return .tags(
        TagOptions(
          topK: try configure.integer("tag_top_k", in: 1...10, default: 10),
          includeEmbedding: try configure.boolean("output_embedding", default: false),
          language: try configure.language()
        )
      )
    case ("MultiLabelImageV2", "tagger"), ("MultiLabelImage", "tagger"):
      return .tagger(
        threshold: try configure.number("threshold", in: 0...1, default: 0.35),
        language: try configure.language()
      )
    case ("MultiLabelImageV2", "body_reshaping"):
      let limit = BodyReshaper.degreeLimit
      return .bodyReshaping(degree: try configure.number("degree", in: -limit...limit, default: 1))
    case ("MultiLabelImageV2", "watermark_remover"):
      // PAI documents an empty `configure`; keys it does not name are ignored, as for every model.
      return .watermarkRemoval
    default:
      throw ServiceError.modelNotFound
    }
  }
}

public struct TagOptions: Equatable, Sendable {
  public var topK: Int
  public var includeEmbedding: Bool
  public var language: Language

  public init(topK: Int = 10, includeEmbedding: Bool = false, language: Language = .chinese) {
    self.topK = topK
    self.includeEmbedding = includeEmbedding
    self.language = language
  }
}

extension Configure {
  /// `configure.language`: names default to Chinese, as in PAI's samples; `"en"` switches.
  func language() throws -> Language {
    let code = try choice("language", from: Language.allCases.map(\.rawValue), default: Language.chinese.rawValue)
    return Language(rawValue: code) ?? .chinese
  }
}
