/// A no-reference quality assessment: PAI `ImageQA`'s `iqa_result` (0–100, higher is better) and
/// the parts it is made of.
public struct ImageQuality: Sendable, Equatable {
  /// 0–100, higher is better (`QualityCalibration`).
  public var score: Double
  /// OpenCV's BRISQUE score with the LIVE model: 0 (best) to 100 (worst). 100 for images without
  /// texture, where BRISQUE is undefined.
  public var brisque: Double
  /// Crété-Roffet blur, 0 (sharp) to 1 (blurred), in the blurrier direction.
  public var blur: Double
  /// Estimated noise σ in grey levels, from the flattest parts of the image.
  public var noise: Double
  /// JPEG block-grid strength, ~1 or below when there is none.
  public var blockiness: Double
  /// Luma below which 99% of the pixels lie, 0...1.
  public var highlightLevel: Double
  /// Fraction of pixels in the saturated plateau at the top of the histogram.
  public var saturatedHighlights: Double
  /// Mean luma, 0...1.
  public var meanLuminance: Double
  /// The size of the assessed image, before any downscaling for analysis.
  public var width: Int
  public var height: Int
}
