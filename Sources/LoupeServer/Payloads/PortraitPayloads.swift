import LoupeServices

struct PortraitCheckResponse: Encodable {
  var checkResults: [PortraitCheckResult]
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
