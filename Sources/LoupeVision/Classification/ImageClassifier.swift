import LoupeMedia
import LoupeRuntime

/// EfficientNet-lite2 on ImageNet-1k: the whole image resized to 260 × 260 (no crop), RGB,
/// (x − 127.5) / 127.5, to class probabilities and 1280-d pooled features.
///
/// The whole frame is used rather than a centre crop because Loupe's photos are not framed
/// around one object: on the test photos the squashed frame kept the right top-1 class
/// (e.g. rocket.jpg: missile) where a centre crop lost it.
public struct ImageClassifier: Sendable {
  public static let inputSide = 260
  public static let classCount = 1000
  public static let featureDimension = 1280

  private let model: InferenceModel

  public init(model: InferenceModel) {
    self.model = model
  }

  public static func live(
    dependencies: DependenciesDirectory,
    options: InferenceOptions = InferenceOptions()
  ) throws
    -> ImageClassifier
  {
    ImageClassifier(
      model: try dependencies.model(ModelCatalog.efficientNetLite2, options: options)
    )
  }

  public func classify(_ image: PixelBuffer) async throws -> Classification {
    try await classify(input: Self.input(for: image))
  }

  /// The model input for `image`: area-averaged when shrinking, so large photos do not alias.
  public static func input(for image: PixelBuffer) -> Tensor {
    image.resized(width: inputSide, height: inputSide, filter: .area)
      .planarTensor(order: .rgb, mean: (127.5, 127.5, 127.5), scale: 1 / 127.5)
  }

  /// Classifies an already preprocessed `[1, 3, 260, 260]` input.
  public func classify(input: Tensor) async throws -> Classification {
    let outputs = try await model.run([input])
    guard outputs.count == 2, outputs[0].count == Self.classCount, outputs[1].count == Self.featureDimension else {
      throw RuntimeError.inputMismatch(
        "EfficientNet-lite2 should give \(Self.classCount) logits and \(Self.featureDimension) features, gave "
          + outputs.map { "\($0.shape)" }.joined(separator: ", ")
      )
    }
    return Classification(logits: outputs[0].floats, features: outputs[1].floats)
  }
}
