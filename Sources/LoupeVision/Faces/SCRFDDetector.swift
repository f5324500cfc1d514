import LoupeMedia
import LoupeRuntime

/// SCRFD-500M (InsightFace) with five landmarks: letterbox to 640, RGB (x − 127.5) / 128,
/// anchor-free distance decoding at strides 8, 16 and 32 with two anchors per cell, then NMS.
public struct SCRFDDetector: FaceDetector {
  public static let inputSide = 640
  static let strides = [8, 16, 32]
  static let anchorsPerCell = 2

  public var scoreThreshold: Float
  public var overlapThreshold: Float
  private let model: InferenceModel

  public init(model: InferenceModel, scoreThreshold: Float = 0.5, overlapThreshold: Float = 0.4) {
    self.model = model
    self.scoreThreshold = scoreThreshold
    self.overlapThreshold = overlapThreshold
  }

  public func detect(in image: PixelBuffer) async throws -> [DetectedFace] {
    let letterbox = Letterbox(image, side: Self.inputSide)
    let input = letterbox.canvas.planarTensor(order: .rgb, mean: (127.5, 127.5, 127.5), scale: 1 / 128)
    let outputs = try await model.run([input])
    guard outputs.count == 9 else {
      throw RuntimeError.inputMismatch("SCRFD should give 9 outputs, gave \(outputs.count)")
    }
    var faces: [DetectedFace] = []
    for (level, stride) in Self.strides.enumerated() {
      faces += decode(
        scores: outputs[level].floats,
        distances: outputs[level + 3].floats,
        keypoints: outputs[level + 6].floats,
        stride: stride,
        scale: letterbox.scale
      )
    }
    return suppressOverlaps(faces, threshold: overlapThreshold)
  }

  private func decode(
    scores: [Float],
    distances: [Float],
    keypoints: [Float],
    stride: Int,
    scale: Float
  )
    -> [DetectedFace]
  {
    let cells = Self.inputSide / stride
    let step = Float(stride)
    var faces: [DetectedFace] = []
    for anchor in 0..<min(scores.count, cells * cells * Self.anchorsPerCell) where scores[anchor] >= scoreThreshold {
      let cell = anchor / Self.anchorsPerCell
      let centerX = Float(cell % cells) * step, centerY = Float(cell / cells) * step
      let d = anchor * 4
      let box = Rect(
        minX: (centerX - distances[d] * step) / scale,
        minY: (centerY - distances[d + 1] * step) / scale,
        maxX: (centerX + distances[d + 2] * step) / scale,
        maxY: (centerY + distances[d + 3] * step) / scale
      )
      let k = anchor * 10
      let landmarks = (0..<5).map { point in
        Point(
          x: (centerX + keypoints[k + 2 * point] * step) / scale,
          y: (centerY + keypoints[k + 2 * point + 1] * step) / scale
        )
      }
      faces.append(DetectedFace(box: box, score: scores[anchor], landmarks: landmarks))
    }
    return faces
  }
}
