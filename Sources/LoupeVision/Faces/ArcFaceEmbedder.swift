import LoupeMedia
import LoupeRuntime

/// ArcFace (w600k MobileFaceNet): an aligned 112 × 112 RGB crop, (x − 127.5) / 127.5, to a
/// 512-d embedding, L2-normalised.
public struct ArcFaceEmbedder: FaceEmbedder {
  public let dimension = 512
  private let model: InferenceModel

  public init(model: InferenceModel) {
    self.model = model
  }

  public func embedding(of face: DetectedFace, in image: PixelBuffer) async throws -> [Float] {
    guard let aligned = ArcFaceAlignment.aligned(face, in: image) else {
      throw FaceError.degenerateLandmarks
    }
    return try await embedding(ofAligned: aligned)
  }

  /// The embedding of a crop already aligned to the ArcFace template.
  public func embedding(ofAligned crop: PixelBuffer) async throws -> [Float] {
    let input = crop.planarTensor(order: .rgb, mean: (127.5, 127.5, 127.5), scale: 1 / 127.5)
    guard let output = try await model.run([input]).first else {
      throw RuntimeError.inputMismatch("ArcFace gave no output")
    }
    return output.floats.normalized
  }
}

public enum FaceError: Error, Equatable, CustomStringConvertible {
  case degenerateLandmarks

  public var description: String {
    switch self {
    case .degenerateLandmarks: "face landmarks are degenerate; the face cannot be aligned"
    }
  }
}
