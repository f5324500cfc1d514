import LoupeMedia

/// No-reference image quality, the engine behind PAI `ImageQA`: OpenCV's BRISQUE (reimplemented,
/// with Debian `opencv-data`'s LIVE model) calibrated together with blur, noise, JPEG
/// blockiness and exposure measures into one 0–100 score.
public struct ImageQualityAssessor: Sendable {
  /// Images above this many pixels are analysed as a downscaled copy (area-averaged, aspect kept):
  /// BRISQUE's statistics are local, so a ~1 MP copy keeps them while bounding the cost, and
  /// blur and noise then refer to a comparable viewing scale for every input size.
  public static let analysisPixels = 1 << 20

  private let model: BRISQUEModel

  /// Loads the BRISQUE model from `/usr/share/opencv4/quality` (Debian `opencv-data`); throws
  /// `AnalysisError.modelFailure` naming the package when it is missing.
  public init() throws {
    model = try BRISQUEModel.live()
  }

  public func assess(_ image: PixelBuffer) throws -> ImageQuality {
    guard image.width >= 16, image.height >= 16 else {
      throw AnalysisError.invalidInput("image of \(image.width)×\(image.height) is too small to assess")
    }
    let fullLuma = LumaPlane(image)
    let analysed = Self.analysisCopy(of: image)
    let luma = LumaPlane(analysed)
    let brisque = BRISQUEFeatures(GreyPlane(luma)).map(model.score) ?? 100
    let measures = QualityMeasures(analysed, luma: luma, fullResolution: fullLuma)
    return ImageQuality(
      score: QualityCalibration.score(brisque: brisque, measures: measures),
      brisque: brisque,
      blur: measures.blur,
      noise: measures.noise,
      blockiness: measures.blockiness,
      highlightLevel: measures.highlightLevel,
      saturatedHighlights: measures.saturatedHighlights,
      meanLuminance: measures.meanLuminance,
      width: image.width,
      height: image.height
    )
  }

  private static func analysisCopy(of image: PixelBuffer) -> PixelBuffer {
    let pixels = image.width * image.height
    guard pixels > analysisPixels else { return image }
    let scale = (Double(analysisPixels) / Double(pixels)).squareRoot()
    let width = max(1, Int((Double(image.width) * scale).rounded()))
    let height = max(1, Int((Double(image.height) * scale).rounded()))
    return image.resized(width: width, height: height, filter: .area)
  }
}
