import Foundation
import LoupeMedia
import LoupeRuntime

/// MediaPipe's BlazePose detector (pose_detection.tflite): the image fitted into 224 × 224,
/// centred, padded black, RGB mapped to −1…1; 2,254 anchors each regress a face box and four body
/// keypoints; scores above `scoreThreshold` are merged by weighted non-maximum suppression (every
/// detection overlapping the best by more than `overlapThreshold` IoU is averaged into it,
/// weighted by score), as MediaPipe's pose graph does.
public struct PoseDetector: Sendable {
  public var scoreThreshold: Float
  public var overlapThreshold: Float
  private let model: InferenceModel

  public init(model: InferenceModel, scoreThreshold: Float = 0.5, overlapThreshold: Float = 0.3) {
    self.model = model
    self.scoreThreshold = scoreThreshold
    self.overlapThreshold = overlapThreshold
  }

  public static func live(
    dependencies: DependenciesDirectory,
    options: InferenceOptions = InferenceOptions()
  ) throws -> PoseDetector {
    PoseDetector(model: try dependencies.model(ModelCatalog.poseDetection, options: options))
  }

  /// Every person found, best first, in image pixels.
  public func detect(in image: PixelBuffer) async throws -> [PoseDetection] {
    let side = Float(PoseAnchors.inputSide)
    let scale = side / Float(max(image.width, image.height))
    let padX = (side - scale * Float(image.width)) / 2, padY = (side - scale * Float(image.height)) / 2
    let fit = LoupeMedia.AffineTransform(a: scale, b: 0, tx: padX, c: 0, d: scale, ty: padY)
    guard
      let input = image.sampledTensor(side: PoseAnchors.inputSide, transform: fit, range: -1...1, border: .black)
    else { return [] }
    let outputs = try await model.run([input])
    guard outputs.count == 2 else {
      throw RuntimeError.inputMismatch("pose_detection should give 2 outputs, gave \(outputs.count)")
    }
    let (regressions, logits) =
      outputs[0].count == PoseAnchors.centers.count
      ? (outputs[1].floats, outputs[0].floats)
      : (outputs[0].floats, outputs[1].floats)
    guard logits.count == PoseAnchors.centers.count, regressions.count == logits.count * 12 else {
      throw RuntimeError.inputMismatch("pose_detection gave \(logits.count) scores and \(regressions.count) values")
    }
    // Back from the 224 canvas (in 0…1) to image pixels.
    func point(_ x: Float, _ y: Float) -> Point {
      Point(x: (x * side - padX) / scale, y: (y * side - padY) / scale)
    }
    var candidates: [PoseDetection] = []
    for (index, anchor) in PoseAnchors.centers.enumerated() {
      let score = 1 / (1 + exp(-min(max(logits[index], -100), 100)))
      guard score >= scoreThreshold else { continue }
      let r = index * 12
      let centerX = regressions[r] / side + anchor.x, centerY = regressions[r + 1] / side + anchor.y
      let width = regressions[r + 2] / side, height = regressions[r + 3] / side
      let topLeft = point(centerX - width / 2, centerY - height / 2)
      let bottomRight = point(centerX + width / 2, centerY + height / 2)
      let keypoints = (0..<4).map { k in
        point(regressions[r + 4 + 2 * k] / side + anchor.x, regressions[r + 5 + 2 * k] / side + anchor.y)
      }
      candidates.append(
        PoseDetection(
          score: score,
          box: Rect(minX: topLeft.x, minY: topLeft.y, maxX: bottomRight.x, maxY: bottomRight.y),
          keypoints: keypoints
        )
      )
    }
    return Self.weightedSuppression(candidates, threshold: overlapThreshold)
  }

  /// MediaPipe's weighted non-maximum suppression: the best remaining detection absorbs every
  /// detection overlapping it by more than `threshold` IoU (itself included); box and keypoints
  /// become their score-weighted means, the score stays the best one's.
  static func weightedSuppression(_ detections: [PoseDetection], threshold: Float) -> [PoseDetection] {
    var remaining = detections.sorted { $0.score > $1.score }
    var kept: [PoseDetection] = []
    while let best = remaining.first {
      var group: [PoseDetection] = []
      var rest: [PoseDetection] = []
      for (index, detection) in remaining.enumerated() {
        if index == 0 || detection.box.intersectionOverUnion(with: best.box) > threshold {
          group.append(detection)
        } else {
          rest.append(detection)
        }
      }
      let total = group.reduce(0) { $0 + $1.score }
      func mean(_ value: (PoseDetection) -> Float) -> Float {
        group.reduce(0) { $0 + value($1) * $1.score } / total
      }
      var merged = best
      merged.box = Rect(minX: mean(\.box.x), minY: mean(\.box.y), maxX: mean(\.box.maxX), maxY: mean(\.box.maxY))
      merged.keypoints = best.keypoints.indices.map { k in
        Point(x: mean { $0.keypoints[k].x }, y: mean { $0.keypoints[k].y })
      }
      kept.append(merged)
      // The best is always in its own group, so every pass removes at least one detection.
      remaining = rest
    }
    return kept
  }
}
