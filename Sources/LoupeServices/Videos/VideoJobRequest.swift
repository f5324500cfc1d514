import Foundation
import LoupeVision

/// A video job as validated at submission and stored with the job: everything the worker needs,
/// typed, so a job never fails later on a parameter the client could have been told about.
public struct VideoJobRequest: Codable, Equatable, Sendable {
  public enum Action: String, Codable, Sendable, CaseIterable {
    case videoQA = "VideoQA"
    case classifyLabelVideo = "ClassifyLabelVideo"
    case multiModalClassify = "MultiModalClassify"
  }

  public var action: Action
  /// Empty only for `MultiModalClassify` without a video.
  public var videoURL: String
  public var title: String
  public var images: [String]
  public var text: String
  public var output: ClassificationOutput

  public init(
    action: Action,
    videoURL: String,
    title: String = "",
    images: [String] = [],
    text: String = "",
    output: ClassificationOutput = ClassificationOutput()
  ) {
    self.action = action
    self.videoURL = videoURL
    self.title = title
    self.images = images
    self.text = text
    self.output = output
  }

  enum CodingKeys: String, CodingKey {
    case action, title, images, text, output
    case videoURL = "video_url"
  }

  /// What the job works on, shown as the batch job's `object`. A `data:` URI is shown by its
  /// header and size, not echoed whole in every poll.
  public var object: String {
    let url = videoURL.isEmpty ? images.first ?? "" : videoURL
    guard url.prefix(5).lowercased() == "data:", let comma = url.firstIndex(of: ",") else { return url }
    return "\(url[..<comma]),… (\(url.utf8.count) characters)"
  }

  /// Titles and texts longer than this are cut: the text encoder reads far less anyway.
  static let maxTextCharacters = 20_000

  /// Validates one `/api/v1/videos` request.
  static func parse(
    action actionName: String,
    modelName: String?,
    videoURL: String?,
    title: String?,
    images: [String]?,
    text: String?,
    configure: Configure,
    settings: VideoSettings
  ) throws -> VideoJobRequest {
    let action = try Action.parse(actionName, modelName: modelName)
    let videoURL = (videoURL ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    let images = images ?? []
    let text = String((text ?? "").prefix(maxTextCharacters))
    if action != .multiModalClassify || !videoURL.isEmpty {
      _ = try MediaSource.parse(videoURL, field: "video_url")
    }
    if action == .multiModalClassify {
      guard images.count <= settings.maxImages else {
        throw ServiceError.invalidParameter(
          "images holds \(images.count) URLs; at most \(settings.maxImages) are accepted"
        )
      }
      for (index, image) in images.enumerated() { _ = try MediaSource.parse(image, field: "images[\(index)]") }
      guard !videoURL.isEmpty || !images.isEmpty || !text.trimmingCharacters(in: .whitespaces).isEmpty else {
        throw ServiceError.invalidParameter("MultiModalClassify needs a video_url, images or text")
      }
    }
    return VideoJobRequest(
      action: action,
      videoURL: videoURL,
      title: String((title ?? "").prefix(maxTextCharacters)),
      images: action == .multiModalClassify ? images : [],
      text: action == .multiModalClassify ? text : "",
      output: action == .videoQA ? ClassificationOutput() : try ClassificationOutput(configure)
    )
  }
}

extension VideoJobRequest.Action {
  /// PAI's actions with their model names: `""` is the general model; `multi_modal_tag` is the
  /// name PAI's samples give the multimodal model. Anything else is a model Loupe does not have.
  static func parse(_ action: String, modelName: String?) throws -> Self {
    switch (action, modelName ?? "") {
    case ("VideoQA", ""): .videoQA
    case ("ClassifyLabelVideo", ""): .classifyLabelVideo
    case ("MultiModalClassify", ""), ("MultiModalClassify", "multi_modal_tag"): .multiModalClassify
    default: throw ServiceError.modelNotFound
    }
  }
}

/// `configure` of the classifying actions; PAI's defaults return everything.
public struct ClassificationOutput: Codable, Equatable, Sendable {
  public var classification = true
  public var classificationTopK = 1
  public var tags = true
  public var tagTopK = 5
  public var embedding = true
  public var language = Language.chinese

  public init() {}

  init(_ configure: Configure) throws {
    classification = try configure.boolean("output_classification", default: true)
    classificationTopK = try configure.integer("classification_top_k", in: 1...10, default: 1)
    tags = try configure.boolean("output_tag", default: true)
    tagTopK = try configure.integer("tag_top_k", in: 1...10, default: 5)
    embedding = try configure.boolean("output_embedding", default: true)
    language = try configure.language()
  }

  enum CodingKeys: String, CodingKey {
    case classification, tags, embedding, language
    case classificationTopK = "classification_top_k"
    case tagTopK = "tag_top_k"
  }
}
