import Foundation
import LoupeAnalysis

/// One photo's check as PAI reports it (`check_results`, and the training job's `states`).
struct PortraitCheckPayload: Codable, Equatable {
  var code: Int
  var frontal: Bool
  var message: String
  var url: String
  /// Loupe's addition: set when the photo is smaller than PAI asks for.
  var warning: String?

  init(_ check: PortraitPhotoCheck, url: String) {
    let minimumShortSide = PortraitChecker.minimumShortSide
    code = check.code.rawValue
    frontal = check.frontal
    message = check.code.message
    self.url = url
    if check.shortSide > 0 && check.shortSide < minimumShortSide {
      warning = "the photo's short side is \(check.shortSide) px; at least \(minimumShortSide) px is recommended"
    }
  }
}

struct PortraitCheckResponse: Encodable {
  var checkResults: [PortraitCheckPayload]
  var costTime: Double
  var images: [String]
  var requestID: String

  enum CodingKeys: String, CodingKey {
    case images
    case checkResults = "check_results"
    case costTime = "cost_time"
    case requestID = "request_id"
  }
}

struct PortraitTrainResponse: Encodable {
  var jobID: Int64
  var modelID: String

  enum CodingKeys: String, CodingKey {
    case jobID = "job_id"
    case modelID = "model_id"
  }
}

/// The training job's `Result`.
struct PortraitTrainResult: Encodable {
  var costTime: Double
  var states: [PortraitCheckPayload]
  var modelID: String

  enum CodingKeys: String, CodingKey {
    case states
    case costTime = "cost_time"
    case modelID = "model_id"
  }
}

struct PortraitCreateResponse: Encodable {
  var image: String
  var costTime: Double
  var modelID: String
  /// Multi-person portraits: every identity, left to right.
  var modelIDs: [String]?
  /// With `display_score`: the face-ID similarity of the result (the lowest face's for several).
  var displayScore: Double?
  var displayScores: [Double]?

  enum CodingKeys: String, CodingKey {
    case image
    case costTime = "cost_time"
    case modelID = "model_id"
    case modelIDs = "model_ids"
    case displayScore = "display_score"
    case displayScores = "display_scores"
  }
}
