import Foundation
import LoupeMedia
import LoupeRuntime

/// MediaPipe's BlazePose GHUM landmark model, full variant (pose_landmark_full.tflite): the pose
/// region cropped upright to 256 × 256 (edges replicated), RGB mapped to 0…1; out come 39 points
/// (33 landmarks and 6 auxiliary ones) as (x, y, z, visibility logit, presence logit) in crop
/// pixels, a person-presence probability, a 256² person-segmentation logit map and a 64² heatmap
/// per point. As in MediaPipe's graph, each point is refined to the heatmap's weighted centre in
/// the 7 × 7 cells around it when the heatmap is confident there (peak ≥ 0.5).
public struct PoseLandmarker: Sendable {
  public static let side = 256
  static let pointCount = 39
  static let heatmapSide = 64
  static let refinementRadius = 3
  static let refinementConfidence: Float = 0.5
  /// Below this presence probability the region holds no person (MediaPipe's threshold).
  public static let presenceThreshold: Float = 0.5

  private let model: InferenceModel

  public init(model: InferenceModel) {
    self.model = model
  }

  public static func live(
    dependencies: DependenciesDirectory,
    options: InferenceOptions = InferenceOptions()
  ) throws -> PoseLandmarker {
    PoseLandmarker(model: try dependencies.model(ModelCatalog.poseLandmarkFull, options: options))
  }

  /// The pose in `region`, or `nil` when the model finds no person there.
  public func pose(in region: PoseRegion, of image: PixelBuffer) async throws -> BodyPose? {
    let transform = region.cropTransform(outputSide: Self.side)
    guard
      let input = image.sampledTensor(side: Self.side, transform: transform, range: 0...1, border: .replicate),
      let inverse = transform.inverted
    else { return nil }
    let outputs = try Outputs(try await model.run([input]))
    guard outputs.presence >= Self.presenceThreshold else { return nil }
    var raw = outputs.points
    refine(&raw, heatmaps: outputs.heatmaps)
    let landmarks = (0..<PoseLandmarkKind.allCases.count).map { index in
      let values = raw[(index * 5)..<(index * 5 + 5)].map { $0 }
      return PoseLandmark(
        point: inverse.apply(to: Point(x: values[0], y: values[1])),
        // MediaPipe scales z like x: over the crop side, then by the region's share of the width.
        z: values[2] / Float(Self.side) * region.side / Float(image.width),
        visibility: Self.sigmoid(values[3]),
        presence: Self.sigmoid(values[4])
      )
    }
    return BodyPose(
      region: region,
      presence: outputs.presence,
      landmarks: landmarks,
      mask: PersonMask(side: Self.side, probabilities: outputs.segmentation.map(Self.sigmoid), imageToGrid: transform)
    )
  }

  /// MediaPipe's RefineLandmarksFromHeatmapCalculator (kernel 7): the point moves to the
  /// confidence-weighted mean cell of the window around it, in crop pixels.
  private func refine(_ points: inout [Float], heatmaps: [Float]) {
    let cells = Self.heatmapSide, count = Self.pointCount
    let cellSize = Float(Self.side) / Float(cells)
    for point in 0..<count {
      let column = Int(points[point * 5] / cellSize), row = Int(points[point * 5 + 1] / cellSize)
      guard column >= 0, row >= 0, column < cells, row < cells else { continue }
      var total: Float = 0, weightedColumn: Float = 0, weightedRow: Float = 0, peak: Float = 0
      for r in max(0, row - Self.refinementRadius)..<min(cells, row + Self.refinementRadius + 1) {
        for c in max(0, column - Self.refinementRadius)..<min(cells, column + Self.refinementRadius + 1) {
          let confidence = Self.sigmoid(heatmaps[(r * cells + c) * count + point])
          total += confidence
          peak = max(peak, confidence)
          weightedColumn += Float(c) * confidence
          weightedRow += Float(r) * confidence
        }
      }
      guard peak >= Self.refinementConfidence, total > 0 else { continue }
      points[point * 5] = weightedColumn / total * cellSize
      points[point * 5 + 1] = weightedRow / total * cellSize
    }
  }

  static func sigmoid(_ value: Float) -> Float {
    1 / (1 + exp(-value))
  }

  /// The model's outputs, told apart by size (OpenVINO keeps the TFLite order, but nothing
  /// promises it).
  private struct Outputs {
    var points: [Float]
    var presence: Float
    var segmentation: [Float]
    var heatmaps: [Float]

    init(_ tensors: [Tensor]) throws {
      func output(count: Int) throws -> [Float] {
        guard let tensor = tensors.first(where: { $0.count == count }) else {
          throw RuntimeError.inputMismatch("pose_landmark_full gave no output of \(count) values")
        }
        return tensor.floats
      }
      points = try output(count: PoseLandmarker.pointCount * 5)
      presence = try output(count: 1)[0]
      segmentation = try output(count: PoseLandmarker.side * PoseLandmarker.side)
      heatmaps = try output(
        count: PoseLandmarker.heatmapSide * PoseLandmarker.heatmapSide * PoseLandmarker.pointCount
      )
    }
  }
}
