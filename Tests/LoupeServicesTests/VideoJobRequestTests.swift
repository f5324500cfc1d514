import Foundation
import LoupeJobs
import LoupeTestSupport
import Testing

@testable import LoupeServices

@Suite(.offCooperativePool) struct VideoJobRequestTests {
  private func parse(
    _ action: String,
    model: String? = "",
    video: String? = "https://example.org/v.mp4",
    title: String? = nil,
    images: [String]? = nil,
    text: String? = nil,
    configure: String? = nil,
    settings: VideoSettings = VideoSettings()
  ) throws -> VideoJobRequest {
    let value = try configure.map { try JSONDecoder().decode(JSONValue.self, from: Data($0.utf8)) }
    return try VideoJobRequest.parse(
      action: action,
      modelName: model,
      videoURL: video,
      title: title,
      images: images,
      text: text,
      configure: try Configure(value),
      settings: settings
    )
  }

  @Test func mapsPAIActionsModelsAndDefaults() throws {
    #expect(try parse("VideoQA").action == .videoQA)
    let classify = try parse("ClassifyLabelVideo", title: "猫", configure: "null")
    #expect(classify.action == .classifyLabelVideo && classify.title == "猫")
    #expect(classify.output == ClassificationOutput())
    #expect(classify.output.classificationTopK == 1 && classify.output.tagTopK == 5 && classify.output.embedding)
    let multimodal = try parse(
      "MultiModalClassify",
      model: "multi_modal_tag",
      video: "",
      images: ["data:,x"],
      text: "t"
    )
    #expect(multimodal.action == .multiModalClassify && multimodal.text == "t")
    #expect(multimodal.object == "data:,… (7 characters)")
    let configured = try parse(
      "ClassifyLabelVideo",
      configure: #"{"output_classification": false, "classification_top_k": 3, "tag_top_k": 10, "language": "en"}"#
    )
    #expect(!configured.output.classification && configured.output.classificationTopK == 3)
    #expect(configured.output.tagTopK == 10 && configured.output.language == .english)
  }

  @Test(arguments: [
    ("VideoQA", "custom"), ("ClassifyLabelVideo", "multi_modal_tag"), ("VideoClassify", ""), ("", ""),
  ])
  func unknownActionsAndModelsAreNotFound(action: String, model: String) {
    #expect(throws: ServiceError.modelNotFound) { try parse(action, model: model) }
  }

  @Test(arguments: [
    (#"{"classification_top_k": 0}"#, "classification_top_k"), (#"{"tag_top_k": 11}"#, "tag_top_k"),
    (#"{"output_embedding": "yes"}"#, "output_embedding"), (#"{"output_tag": 2}"#, "output_tag"),
  ])
  func badConfigureValuesNameTheirKey(json: String, key: String) {
    #expect {
      try parse("ClassifyLabelVideo", configure: json)
    } throws: { error in
      guard case ServiceError.invalidParameter(let message) = error else { return false }
      return message.contains("configure.\(key)")
    }
  }

  @Test func videoQAIgnoresConfigure() throws {
    #expect(try parse("VideoQA", configure: #"{"tag_top_k": 99}"#).output == ClassificationOutput())
  }

  @Test func inputsAreCheckedBeforeAnythingIsStored() throws {
    #expect(throws: InputError.missing(field: "video_url")) { try parse("VideoQA", video: "") }
    #expect(throws: InputError.missing(field: "video_url")) { try parse("ClassifyLabelVideo", video: nil) }
    #expect(throws: InputError.self) { try parse("VideoQA", video: "ftp://example.org/v.mp4") }
    #expect(throws: InputError.self) { try parse("MultiModalClassify", video: "", images: ["gopher://x"]) }
    #expect(throws: ServiceError.self) { try parse("MultiModalClassify", video: "", images: [], text: "  ") }
    var settings = VideoSettings()
    settings.maxImages = 2
    #expect(throws: ServiceError.self) {
      try parse("MultiModalClassify", images: ["data:,a", "data:,b", "data:,c"], settings: settings)
    }
    #expect(try parse("MultiModalClassify", video: nil, text: "only text").videoURL.isEmpty)
  }

  @Test func aStoredRequestReadsBackTheSame() throws {
    let request = try parse("ClassifyLabelVideo", title: "标题", configure: #"{"tag_top_k": 3}"#)
    let decoded = try JSONDecoder().decode(VideoJobRequest.self, from: JSONEncoder().encode(request))
    #expect(decoded == request)
  }

  @Test func downloadFaultsThatMayPassAreRetriedAndTheRestAreNot() {
    func kind(_ error: FetchError) -> String {
      switch JobFailure.classify(error) {
      case JobError.transient(let message): "transient " + message
      case JobError.permanent(let message): "permanent " + message
      default: "other"
      }
    }
    #expect(kind(.timedOut).hasPrefix("transient failed to download video, err="))
    #expect(kind(.transport("connection refused")).hasPrefix("transient"))
    #expect(kind(.status(503)).hasPrefix("transient"))
    #expect(kind(.status(404)) == "permanent failed to download video, err=fetch resource failed\tcode = 404")
    #expect(kind(.forbiddenAddress(host: "x", address: "10.0.0.1")).hasPrefix("permanent"))
    #expect(kind(.tooLarge(limit: 1)).hasPrefix("permanent"))
  }
}
