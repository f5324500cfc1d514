import LoupeMedia

/// Finds faces with five landmarks. Live values: `SCRFDDetector` (default) and
/// `RetinaFaceDetector` (MIT-licensed weights).
public protocol FaceDetector: Sendable {
  func detect(in image: PixelBuffer) async throws -> [DetectedFace]
}

/// Which face detector a pipeline uses.
public enum FaceDetectorKind: String, Sendable, CaseIterable, Codable {
  /// SCRFD-500M from InsightFace: the more accurate; non-commercial weights.
  case scrfd
  /// RetinaFace-MobileNet0.25: permissive (MIT) weights.
  case retinaface
}
