/// `VideoQA`'s `Result`: PAI's fields and types (`avg_fps` an integer).
struct VideoQualityPayload: Encodable {
  var avgFPS: Int
  var duration: Double
  var height: Int
  var width: Int
  var singleImage: Double
  var videoScore: Double

  enum CodingKeys: String, CodingKey {
    case duration, height, width
    case avgFPS = "avg_fps"
    case singleImage = "single_img"
    case videoScore = "video_score"
  }
}
