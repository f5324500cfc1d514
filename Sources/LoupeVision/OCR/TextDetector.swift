import LoupeMedia
import LoupeRuntime

/// PP-OCRv6's small text detector (rapidocr 3.10's `PP-OCRv6_det_small.onnx`), a DB network: the
/// image, BGR, scaled per `TextDetectorOptions.sideLimit` to sides that are multiples of 32 and
/// normalised to (x − 127.5) / 127.5, gives a text probability per pixel; DB post-processing turns
/// it into line rectangles in the image's own pixels (`TextProbabilityMap`).
///
/// Lines come in reading order for horizontal text: top to bottom, and left to right within a
/// row (tops within 10 pixels share a row, rapidocr's rule). Vertical columns are ordered by
/// `TextReadingOrder`, which knows the script.
public struct TextDetector: Sendable {
  public var options: TextDetectorOptions
  private let model: InferenceModel

  public init(model: InferenceModel, options: TextDetectorOptions = TextDetectorOptions()) {
    self.model = model
    self.options = options
  }

  public static func live(
    dependencies: DependenciesDirectory,
    inference: InferenceOptions = InferenceOptions(),
    options: TextDetectorOptions = TextDetectorOptions()
  ) throws -> TextDetector {
    TextDetector(model: try dependencies.model(ModelCatalog.ppOCRv6Detector, options: inference), options: options)
  }

  /// Text lines in `image`, in reading order.
  public func detect(in image: PixelBuffer) async throws -> [TextRegion] {
    let size = inputSize(width: image.width, height: image.height)
    let input = image.resized(width: size.width, height: size.height, filter: .bilinear)
    let scale: Float = 1 / 127.5
    let outputs = try await model.run([input.planarTensor(order: .bgr, mean: (127.5, 127.5, 127.5), scale: scale)])
    guard let map = outputs.first, map.shape.count == 4, map.shape[2] == size.height, map.shape[3] == size.width else {
      throw RuntimeError.inputMismatch("the text detector should give one probability map of its input size")
    }
    let regions = TextProbabilityMap(width: size.width, height: size.height, values: map.floats)
      .regions(options: options, imageWidth: image.width, imageHeight: image.height)
    return Self.readingOrder(regions)
  }

  /// The input size: scaled per `sideLimit` (never past `maxScaledSide`), each side a multiple
  /// of 32 and at least 32.
  public func inputSize(width: Int, height: Int) -> (width: Int, height: Int) {
    var ratio: Float = 1
    switch options.sideLimit {
    case .longestAtMost(let side):
      if max(width, height) > side { ratio = Float(side) / Float(max(width, height)) }
    case .shortestAtLeast(let side):
      if min(width, height) < side { ratio = Float(side) / Float(min(width, height)) }
    }
    ratio = min(ratio, Float(options.maxScaledSide) / Float(max(width, height)))
    func multipleOf32(_ side: Int) -> Int {
      max(32, Int((Float(Int(Float(side) * ratio)) / 32).rounded(.toNearestOrEven)) * 32)
    }
    return (multipleOf32(width), multipleOf32(height))
  }

  /// Top to bottom, then left to right among lines whose tops are within 10 pixels of the
  /// previous line's.
  static func readingOrder(_ regions: [TextRegion]) -> [TextRegion] {
    let byTop = regions.enumerated().sorted {
      ($0.element.corners[0].y, $0.offset) < ($1.element.corners[0].y, $1.offset)
    }
    var row = 0
    var keyed: [(row: Int, x: Float, index: Int, region: TextRegion)] = []
    for (position, entry) in byTop.enumerated() {
      if position > 0, entry.element.corners[0].y - byTop[position - 1].element.corners[0].y >= 10 { row += 1 }
      keyed.append((row, entry.element.corners[0].x, position, entry.element))
    }
    return keyed.sorted { ($0.row, $0.x, $0.index) < ($1.row, $1.x, $1.index) }.map(\.region)
  }
}
