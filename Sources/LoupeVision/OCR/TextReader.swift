import LoupeMedia
import LoupeRuntime

/// OCR of a whole image: PP-OCRv6 detection, each line cut out along its rectangle (vertical
/// lines turned a quarter counter-clockwise, as PaddleOCR reads them), turned upright by the
/// orientation classifier, recognised, then put in reading order with split pieces joined
/// (`TextReadingOrder`). Lines the recogniser is less than `minimumScore` sure of are dropped.
public struct TextReader: Sendable {
  /// rapidocr's `text_score`.
  public static let defaultMinimumScore: Float = 0.5
  /// A cut-out line at least this many times taller than wide is vertical text.
  static let verticalAspect: Float = 1.5

  public var minimumScore: Float
  public let detector: TextDetector
  public let recognizer: TextRecognizer
  /// `nil` skips the orientation check (upside-down text then reads as noise): one model call
  /// less per line, as for subtitles, which are never upside down.
  public let orientation: LineOrientationClassifier?

  public init(
    detector: TextDetector,
    recognizer: TextRecognizer,
    orientation: LineOrientationClassifier?,
    minimumScore: Float = defaultMinimumScore
  ) {
    self.detector = detector
    self.recognizer = recognizer
    self.orientation = orientation
    self.minimumScore = minimumScore
  }

  public static func live(
    dependencies: DependenciesDirectory,
    inference: InferenceOptions = InferenceOptions(),
    detection: TextDetectorOptions = TextDetectorOptions(),
    checksOrientation: Bool = true
  ) throws -> TextReader {
    TextReader(
      detector: try TextDetector.live(dependencies: dependencies, inference: inference, options: detection),
      recognizer: try TextRecognizer.live(dependencies: dependencies, inference: inference),
      orientation: checksOrientation
        ? try LineOrientationClassifier.live(dependencies: dependencies, inference: inference) : nil
    )
  }

  /// The text lines of `image`, in reading order.
  public func read(_ image: PixelBuffer) async throws -> [TextLine] {
    var pieces: [TextLine] = []
    for region in try await detector.detect(in: image) {
      guard var crop = Self.cut(region, from: image) else { continue }
      let vertical = Float(crop.height) >= Self.verticalAspect * Float(crop.width)
      if vertical { crop = crop.rotated(quarterTurns: -1) }
      if let orientation { crop = try await orientation.upright(crop) }
      let reading = try await recognizer.recognize(crop)
      let text = reading.text.trimmingCharacters(in: .whitespaces)
      guard !text.isEmpty, reading.score >= minimumScore else { continue }
      pieces.append(
        TextLine(
          text: text,
          score: reading.score,
          corners: region.corners,
          direction: vertical ? .vertical : .horizontal
        )
      )
    }
    return TextReadingOrder.arrange(pieces)
  }

  /// The region's rectangle as an upright image, its top edge along the region's top edge.
  static func cut(_ region: TextRegion, from image: PixelBuffer) -> PixelBuffer? {
    let c = region.corners
    let width = Int(max(c[0].distance(to: c[1]), c[3].distance(to: c[2])))
    let height = Int(max(c[0].distance(to: c[3]), c[1].distance(to: c[2])))
    guard width > 0, height > 0 else { return nil }
    // Output (x, y) ↦ image point c0 + x · (c1 − c0) / width + y · (c3 − c0) / height.
    let toImage = AffineTransform(
      a: (c[1].x - c[0].x) / Float(width),
      b: (c[3].x - c[0].x) / Float(height),
      tx: c[0].x,
      c: (c[1].y - c[0].y) / Float(width),
      d: (c[3].y - c[0].y) / Float(height),
      ty: c[0].y
    )
    guard let toOutput = toImage.inverted else { return nil }
    return image.warped(by: toOutput, width: width, height: height)
  }
}
