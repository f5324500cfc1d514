import Foundation
import LoupeTestSupport
import Testing

@testable import LoupeServices

@Suite(.offCooperativePool) struct ImageCommandTests {
  private func configure(_ json: String) throws -> Configure {
    try Configure(JSONDecoder().decode(JSONValue.self, from: Data(json.utf8)))
  }

  @Test func mapsPAIActionsAndModels() throws {
    let empty = try Configure(nil)
    #expect(try ImageCommand.parse(action: "ImageQA", modelName: "", configure: empty) == .quality)
    #expect(try ImageCommand.parse(action: "FaceAttrImage", modelName: nil, configure: empty) == .faceAttributes)
    #expect(try ImageCommand.parse(action: "FaceAttrImage", modelName: "fairface", configure: empty) == .ageRange)
    #expect(try ImageCommand.parse(action: "MultiLabelImage", modelName: "", configure: empty) == .tags(TagOptions()))
    let tags = try ImageCommand.parse(
      action: "MultiLabelImageV2",
      modelName: "",
      configure: try configure(#"{"tag_top_k": 5, "output_embedding": true, "language": "en", "extra": [1]}"#)
    )
    #expect(tags == .tags(TagOptions(topK: 5, includeEmbedding: true, language: .english)))
  }

  @Test(arguments: [
    ("ImageQA", "custom"), ("BodyReshaping", ""), ("MultiLabelImage", "body_reshaping"),
    ("MultiLabelImage", "watermark_remover"), ("FaceAttrImage", "celeb"), ("", ""),
  ])
  func unknownActionsAndModelsAreNotFound(action: String, model: String) {
    #expect(throws: ServiceError.modelNotFound) {
      try ImageCommand.parse(action: action, modelName: model, configure: try Configure(nil))
    }
  }

  @Test func bodyReshapingTakesADegreeThatDefaultsToOne() throws {
    let parse = { (json: String) in
      try ImageCommand.parse(
        action: "MultiLabelImageV2",
        modelName: "body_reshaping",
        configure: try self.configure(json)
      )
    }
    #expect(try parse("{}") == .bodyReshaping(degree: 1))
    #expect(try parse(#"{"degree": -2.5}"#) == .bodyReshaping(degree: -2.5))
    #expect(try parse(#"{"degree": 3}"#) == .bodyReshaping(degree: 3))
  }

  @Test func watermarkRemoverTakesAnEmptyConfigure() throws {
    for json in ["{}", #"{"unknown": 1}"#] {
      let command = try ImageCommand.parse(
        action: "MultiLabelImageV2",
        modelName: "watermark_remover",
        configure: try configure(json)
      )
      #expect(command == .watermarkRemoval)
    }
  }

  @Test(arguments: [#"{"degree": "1"}"#, #"{"degree": 3.5}"#, #"{"degree": -7}"#, #"{"degree": true}"#])
  func badDegreesAreParameterErrors(json: String) throws {
    try expectParameterError(model: "body_reshaping", json: json, naming: "degree")
  }

  @Test(arguments: [
    (#"{"tag_top_k": 0}"#, "tag_top_k"), (#"{"tag_top_k": 11}"#, "tag_top_k"), (#"{"tag_top_k": 2.5}"#, "tag_top_k"),
    (#"{"tag_top_k": "5"}"#, "tag_top_k"), (#"{"output_embedding": "yes"}"#, "output_embedding"),
    (#"{"language": "fr"}"#, "language"),
  ])
  func badConfigureValuesNameTheirKey(json: String, key: String) throws {
    try expectParameterError(model: "", json: json, naming: key)
  }

  private func expectParameterError(model: String, json: String, naming key: String) throws {
    let configure = try configure(json)
    do {
      _ = try ImageCommand.parse(action: "MultiLabelImageV2", modelName: model, configure: configure)
      Issue.record("expected a parameter error")
    } catch let ServiceError.invalidParameter(message) {
      #expect(message.contains("configure.\(key)"))
    }
  }

  @Test func configureMustBeAnObject() {
    #expect(throws: ServiceError.invalidParameter("configure must be an object")) { try Configure(.array([])) }
  }

  @Test func photoEditsStopAtTwentyFiveMegapixels() throws {
    #expect(throws: Never.self) { try LiveImageAnalysis.checkEditable(width: 6000, height: 4000) }
    #expect(throws: ServiceError.self) { try LiveImageAnalysis.checkEditable(width: 6000, height: 4200) }
  }
}
