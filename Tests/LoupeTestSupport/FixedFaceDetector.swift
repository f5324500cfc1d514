import LoupeMedia
import LoupeVision

/// A deterministic `FaceDetector` that reports the faces it was given, for tests of everything
/// downstream of detection (alignment, embedding, features) without depending on a detector.
public struct FixedFaceDetector: FaceDetector {
  public var faces: [DetectedFace]

  public init(faces: [DetectedFace]) {
    self.faces = faces
  }

  public func detect(in image: PixelBuffer) async throws -> [DetectedFace] {
    faces
  }
}
