/// `ClassifyLabelVideo`'s and `MultiModalClassify`'s `Result`. Each list is present only when
/// its `output_*` flag asks for it; the video's size and duration only when there is a video.
struct VideoContentPayload: Encodable {
  struct ClassScore: Encodable {
    var `class`: String
    var score: Double
  }

  struct TagScore: Encodable {
    var tag: String
    var score: Double
  }

  var classificationResult: [ClassScore]?
  var tagResult: [TagScore]?
  var embeddingResult: String?
  var videoHeight: Int?
  var videoWidth: Int?
  var duration: Double?

  enum CodingKeys: String, CodingKey {
    case duration
    case classificationResult = "classification_result"
    case tagResult = "tag_result"
    case embeddingResult = "embedding_result"
    case videoHeight = "video_height"
    case videoWidth = "video_width"
  }
}
