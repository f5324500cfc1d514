import LoupeMedia
import LoupeRuntime

/// A face with, when asked for, its identity embedding.
public struct FaceObservation: Sendable, Equatable, Codable {
  public var face: DetectedFace
  public var embedding: [Float]?
}

/// Detection followed by alignment and embedding: the face pipeline every feature builds on.
public struct FaceAnalyzer: Sendable {
  public let detector: any FaceDetector
  public let embedder: any FaceEmbedder

  public init(detector: any FaceDetector, embedder: any FaceEmbedder) {
    self.detector = detector
    self.embedder = embedder
  }

  /// The live pipeline on the installed models.
  public static func live(
    dependencies: DependenciesDirectory,
    detector kind: FaceDetectorKind = .scrfd,
    options: InferenceOptions = InferenceOptions()
  ) throws -> FaceAnalyzer {
    let detector: any FaceDetector =
      switch kind {
      case .scrfd:
        SCRFDDetector(
          model: try dependencies.model(ModelCatalog.scrfd500M, options: options)
        )
      case .retinaface:
        RetinaFaceDetector(
          model: try dependencies.model(ModelCatalog.retinaFace, options: options)
        )
      }
    let embedder = ArcFaceEmbedder(
      model: try dependencies.model(ModelCatalog.arcFaceMobile, options: options)
    )
    return FaceAnalyzer(detector: detector, embedder: embedder)
  }

  public func analyze(_ image: PixelBuffer, includeEmbeddings: Bool = true) async throws -> [FaceObservation] {
    let faces = try await detector.detect(in: image)
    var observations: [FaceObservation] = []
    observations.reserveCapacity(faces.count)
    for face in faces {
      let embedding = includeEmbeddings ? try await embedder.embedding(of: face, in: image) : nil
      observations.append(FaceObservation(face: face, embedding: embedding))
    }
    return observations
  }
}
