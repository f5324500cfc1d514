/// `ImageQA`'s data.
public struct QualityPayload: Encodable, Sendable, Equatable {
  public var iqaResult: Double
  public var imageHeight: Int
  public var imageWidth: Int

  public init(iqaResult: Double, imageHeight: Int, imageWidth: Int) {
    self.iqaResult = iqaResult
    self.imageHeight = imageHeight
    self.imageWidth = imageWidth
  }

  enum CodingKeys: String, CodingKey {
    case iqaResult = "iqa_result"
    case imageHeight = "image_height"
    case imageWidth = "image_width"
  }
}
