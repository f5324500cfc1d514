import LoupeMedia
import LoupeRuntime

/// PaddleOCR's text-line orientation classifier (`ch_ppocr_mobile_v2.0_cls_mobile.onnx`): a line
/// image, BGR, scaled to height 48 keeping its aspect (width at most 192, zero-padded to 192
/// after normalising to (x − 127.5) / 127.5), gives the probabilities of upright and upside down.
public struct LineOrientationClassifier: Sendable {
  /// rapidocr's `cls_thresh`: a line is turned only when the classifier is this sure.
  public static let turnThreshold: Float = 0.9
  static let inputWidth = 192

  private let model: InferenceModel

  public init(model: InferenceModel) {
    self.model = model
  }

  public static func live(
    dependencies: DependenciesDirectory,
    inference: InferenceOptions = InferenceOptions()
  ) throws -> LineOrientationClassifier {
    LineOrientationClassifier(model: try dependencies.model(ModelCatalog.ppOCRLineOrientation, options: inference))
  }

  /// The probability that `line` is upside down.
  public func upsideDownProbability(_ line: PixelBuffer) async throws -> Float {
    let input = line.lineTensor(
      height: TextRecognizer.inputHeight,
      maxWidth: Self.inputWidth,
      paddedWidth: Self.inputWidth
    )
    let outputs = try await model.run([input])
    guard let probabilities = outputs.first?.floats, probabilities.count == 2 else {
      throw RuntimeError.inputMismatch("the orientation classifier should give two probabilities")
    }
    return probabilities[1]
  }

  /// `line`, turned half a turn when the classifier is at least `turnThreshold` sure it is
  /// upside down.
  public func upright(_ line: PixelBuffer) async throws -> PixelBuffer {
    try await upsideDownProbability(line) >= Self.turnThreshold ? line.rotated(quarterTurns: 2) : line
  }
}
