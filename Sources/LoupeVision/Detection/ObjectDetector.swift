import LoupeMedia
import LoupeRuntime

/// SSD MobileNet v2 trained on COCO (TensorFlow's 2018-03-29 frozen graph). The graph takes uint8
/// RGB of any size, resizes to 300 × 300 itself and ends in its own non-maximum suppression:
/// up to 100 boxes (ymin, xmin, ymax, xmax in 0…1), COCO ids and scores, best first.
public struct ObjectDetector: Sendable {
  /// Larger images are area-averaged down to this longest side first: the graph's own bilinear
  /// resize to 300 samples only a few pixels of a big photo (aliasing), and copying every pixel
  /// into the model costs more than the shrink. Boxes are relative, so nothing maps back.
  public static let largestInputSide = 1024

  public var scoreThreshold: Float
  private let model: InferenceModel

  public init(model: InferenceModel, scoreThreshold: Float = 0.5) {
    self.model = model
    self.scoreThreshold = scoreThreshold
  }

  public static func live(
    dependencies: DependenciesDirectory,
    options: InferenceOptions = InferenceOptions(),
    scoreThreshold: Float = 0.5
  ) throws -> ObjectDetector {
    ObjectDetector(
      model: try dependencies.model(ModelCatalog.ssdMobileNetV2COCO, options: options),
      scoreThreshold: scoreThreshold
    )
  }

  /// Objects scoring at least `scoreThreshold`, best first.
  public func detect(in image: PixelBuffer) async throws -> [DetectedObject] {
    let input = Self.fitted(image)
    let outputs = try await model.run([
      Tensor(shape: [1, input.height, input.width, PixelBuffer.channels], bytes: input.pixels)
    ])
    // Output order as OpenVINO reads the pinned graph: boxes, classes, scores, count.
    guard outputs.count == 4, outputs[0].shape.last == 4 else {
      throw RuntimeError.inputMismatch("the SSD graph should give boxes, classes, scores and a count")
    }
    let boxes = outputs[0].floats, classes = outputs[1].floats, scores = outputs[2].floats
    let found = min(Int(outputs[3].floats.first ?? 0), scores.count, classes.count, boxes.count / 4)
    let width = Float(image.width), height = Float(image.height)
    return (0..<found).filter { scores[$0] >= scoreThreshold }.map { index in
      let b = index * 4
      return DetectedObject(
        classID: Int(classes[index]),
        score: scores[index],
        box: Rect(
          minX: boxes[b + 1] * width,
          minY: boxes[b] * height,
          maxX: boxes[b + 3] * width,
          maxY: boxes[b + 2] * height
        )
      )
    }
  }

  static func fitted(_ image: PixelBuffer) -> PixelBuffer {
    let side = max(image.width, image.height)
    guard side > largestInputSide else { return image }
    let scale = Float(largestInputSide) / Float(side)
    return image.resized(
      width: max(1, Int((Float(image.width) * scale).rounded())),
      height: max(1, Int((Float(image.height) * scale).rounded())),
      filter: .area
    )
  }
}
