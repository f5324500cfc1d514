/// `MultiLabelImageV2`'s data: tags by descending score and, on request, the 512-d embedding as
/// PAI sends it, one comma-separated string.
public struct TagsPayload: Encodable, Sendable, Equatable {
  public struct Tag: Encodable, Sendable, Equatable {
    public var tag: String
    public var score: Double

    public init(tag: String, score: Double) {
      self.tag = tag
      self.score = score
    }
  }

  public var tagResult: [Tag]
  public var embeddingResult: String?
  public var imageHeight: Int
  public var imageWidth: Int

  public init(tagResult: [Tag], embeddingResult: String?, imageHeight: Int, imageWidth: Int) {
    self.tagResult = tagResult
    self.embeddingResult = embeddingResult
    self.imageHeight = imageHeight
    self.imageWidth = imageWidth
  }

  enum CodingKeys: String, CodingKey {
    case tagResult = "tag_result"
    case embeddingResult = "embedding_result"
    case imageHeight = "image_height"
    case imageWidth = "image_width"
  }
}

/// `model_name: "tagger"`: a caption of the labels above the threshold and every label's
/// probability, in label-table order.
public struct TaggerPayload: Encodable, Sendable, Equatable {
  public var caption: String
  public var probs: [Double]

  public init(caption: String, probs: [Double]) {
    self.caption = caption
    self.probs = probs
  }
}
