import LoupeMedia
import LoupeRuntime

/// InsightFace's 2d106det: a 192 × 192 crop centred on the face box, 1.5 × its longer side,
/// raw RGB 0–255 in; 106 (x, y) pairs in [−1, 1] of the crop out.
///
/// Point layout (as seen in the image): 0 chin; the image-left contour from the temple down is
/// 1, 9–16, 2–8 and the image-right one 17, 25–32, 18–24; eyes 33–42 and 87–96; brows 43–51 and
/// 97–105; nose 72–86; mouth 52–71.
public struct FaceLandmarker106: Sendable {
  public static let side = 192
  static let cropScale: Float = 1.5

  private let model: InferenceModel

  public init(model: InferenceModel) {
    self.model = model
  }

  public static func live(
    dependencies: DependenciesDirectory,
    options: InferenceOptions = InferenceOptions()
  )
    throws -> FaceLandmarker106
  {
    FaceLandmarker106(
      model: try dependencies.model(ModelCatalog.landmarks106, options: options)
    )
  }

  /// The crop transform: image coordinates to the model's 192 × 192 input.
  public static func cropTransform(for box: Rect) -> AffineTransform {
    let scale = Float(side) / (max(box.width, box.height) * cropScale)
    let half = Float(side) / 2
    let centerX = box.x + box.width / 2, centerY = box.y + box.height / 2
    return AffineTransform(a: scale, b: 0, tx: half - scale * centerX, c: 0, d: scale, ty: half - scale * centerY)
  }

  /// The 106 landmarks of the face in `box`, in image coordinates.
  public func landmarks(in box: Rect, of image: PixelBuffer) async throws -> [Point] {
    let transform = Self.cropTransform(for: box)
    guard let crop = image.warped(by: transform, width: Self.side, height: Self.side),
      let inverse = transform.inverted
    else { throw FaceError.degenerateLandmarks }
    let input = crop.planarTensor(order: .rgb, mean: (0, 0, 0), scale: 1)
    guard let output = try await model.run([input]).first?.floats, output.count == 212 else {
      throw RuntimeError.inputMismatch("2d106det should give 212 values")
    }
    let half = Float(Self.side) / 2
    return (0..<106).map { index in
      inverse.apply(to: Point(x: (output[2 * index] + 1) * half, y: (output[2 * index + 1] + 1) * half))
    }
  }
}
