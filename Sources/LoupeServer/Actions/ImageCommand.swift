/// What a `/api/v1/images` request asks for, after its action, model name and `configure` have
/// been validated. Everything past this point is typed.
public enum ImageCommand: Equatable, Sendable {
  case quality
  case faceAttributes
  case ageRange
  case tags(TagOptions)
  case tagger(threshold: Double, language: TagLanguage)

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
          language: try TagLanguage(configure)))
    case ("MultiLabelImageV2", "tagger"), ("MultiLabelImage", "tagger"):
      return .tagger(
        threshold: try configure.number("threshold", in: 0...1, default: 0.35), language: try TagLanguage(configure))
    default:
      throw PAIError.modelNotFound
    }
  }
}

public struct TagOptions: Equatable, Sendable {
  public var topK: Int
  public var includeEmbedding: Bool
  public var language: TagLanguage

  public init(topK: Int = 10, includeEmbedding: Bool = false, language: TagLanguage = .chinese) {
    self.topK = topK
    self.includeEmbedding = includeEmbedding
    self.language = language
  }
}

/// Tag names default to Chinese, as in PAI's samples; `configure.language: "en"` switches.
public enum TagLanguage: String, Equatable, Sendable {
  case chinese = "zh"
  case english = "en"

  init(_ configure: Configure) throws {
    self = TagLanguage(rawValue: try configure.choice("language", from: ["zh", "en"], default: "zh"))!
  }
}
