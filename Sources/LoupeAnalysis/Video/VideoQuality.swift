/// PAI `VideoQA`'s numbers for one video.
public struct VideoQuality: Sendable, Equatable {
  /// 0–100, higher is better.
  public var score: Double
  /// `ImageQA` scores of the assessed frames, in time order.
  public var frameScores: [Double]
  /// PAI's `single_img`: how much consecutive frames differ, 0–1; near 0 for a slideshow of
  /// still pictures.
  public var singleImage: Double

  public init(score: Double, frameScores: [Double], singleImage: Double) {
    self.score = score
    self.frameScores = frameScores
    self.singleImage = singleImage
  }
}
