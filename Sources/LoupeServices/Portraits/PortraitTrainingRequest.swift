/// A training job as stored: the photos and the model they train.
struct PortraitTrainingRequest: Codable, Equatable {
  var images: [String]
  var modelID: String

  enum CodingKeys: String, CodingKey {
    case images
    case modelID = "model_id"
  }
}
