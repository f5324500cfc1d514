import LoupeAnalysis
import LoupeMedia
import LoupeVision

/// The live clip analysis, on the image tagger's models: its labels and ConSE embedding for the
/// semantic space, the classifier's mirrored features for the visual one (as `/v1/embeddings`);
/// SCRFD faces with their ArcFace vectors and AnimeFace's drawn faces with the visual vectors of
/// their crops for characters, and the largest face or person box for the shot size.
public struct LiveClipAnalysis: ClipAnalysisService {
  let tagger: ImageTagger
  let faces: FaceAnalyzer
  /// `nil`: keyframes get no drawn faces (characters are then matched by photographed faces only).
  let drawnFaces: AnimeFaceDetector?
  /// COCO's person category.
  static let personClass = 1
  /// Labels scoring below this are not stored as tags.
  static let labelThreshold: Float = 0.15
  static let maxLabels = 8
  /// Drawn faces identified per keyframe, likeliest first: each costs two classifier runs.
  static let maxDrawnFaces = 6

  public init(tagger: ImageTagger, faces: FaceAnalyzer, drawnFaces: AnimeFaceDetector? = nil) {
    self.tagger = tagger
    self.faces = faces
    self.drawnFaces = drawnFaces
  }

  public func analyze(keyframe: PixelBuffer) async throws -> ClipAnalysis {
    async let tagging = tagger.tag(keyframe)
    // The tagger classifies the keyframe itself; only the mirror is left for the visual vector.
    async let mirrored = tagger.classifier.classify(keyframe.mirrored())
    async let found = faces.analyze(keyframe)
    async let drawn = drawnFaces(in: keyframe)
    let tags = try await tagging
    let labels = tagger.named(tags.tags, in: .english).filter { $0.score >= Self.labelThreshold }.prefix(Self.maxLabels)
    let observed = try await found.sorted { $0.face.box.height > $1.face.box.height }
    let drawnFound = Array(try await drawn.prefix(Self.maxDrawnFaces))
    var drawnVectors: [[Float]] = []
    for face in drawnFound {
      guard let crop = face.identityCrop(of: keyframe) else { continue }
      drawnVectors.append(try await tagger.classifier.visualVector(of: crop))
    }
    let height = Double(max(keyframe.height, 1))
    // A drawn frame's faces are often AnimeFace's alone: they size the shot when SCRFD saw none.
    let faceHeights = observed.isEmpty ? drawnFound.map(\.box.height) : observed.map(\.face.box.height)
    let shotSize = ShotSize.classify(
      faceHeights: faceHeights.map { Double($0) / height },
      personHeights: tags.objects.filter { $0.classID == Self.personClass }.map { Double($0.box.height) / height }
    )
    return ClipAnalysis(
      labels: labels.map(\.name),
      semantic: tags.embedding,
      visual: ImageClassifier.visualVector(plain: tags.classification, mirrored: try await mirrored),
      faces: observed.compactMap(\.embedding),
      drawnFaces: drawnVectors,
      shotSize: shotSize
    )
  }

  private func drawnFaces(in keyframe: PixelBuffer) async throws -> [AnimeFace] {
    guard let drawnFaces else { return [] }
    return try await drawnFaces.detect(in: keyframe)
  }

  public func embed(query: String) async throws -> [Float] {
    try await tagger.encoder.embed([query])[0]
  }

  public func visualVector(of image: PixelBuffer) async throws -> [Float] {
    try await tagger.classifier.visualVector(of: image)
  }
}
