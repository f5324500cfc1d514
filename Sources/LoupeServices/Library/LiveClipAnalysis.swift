import LoupeAnalysis
import LoupeMedia
import LoupeVision

/// The live clip analysis, on the image tagger's models: its labels and ConSE embedding for the
/// semantic space, the classifier's mirrored features for the visual one (as `/v1/embeddings`);
/// SCRFD faces with their ArcFace vectors for characters, and the largest face or person box
/// for the shot size.
public struct LiveClipAnalysis: ClipAnalysisService {
  let tagger: ImageTagger
  let faces: FaceAnalyzer
  let embeddings: LiveEmbeddingService
  /// COCO's person category.
  static let personClass = 1
  /// Labels scoring below this are not stored as tags.
  static let labelThreshold: Float = 0.15
  static let maxLabels = 8

  public init(tagger: ImageTagger, faces: FaceAnalyzer) {
    self.tagger = tagger
    self.faces = faces
    embeddings = LiveEmbeddingService(tagger: tagger)
  }

  public func analyze(keyframe: PixelBuffer) async throws -> ClipAnalysis {
    async let tagging = tagger.tag(keyframe)
    async let visual = embeddings.embed(image: keyframe, model: .visual)
    async let found = faces.analyze(keyframe)
    let tags = try await tagging
    let labels = tagger.named(tags.tags, in: .english).filter { $0.score >= Self.labelThreshold }.prefix(Self.maxLabels)
    let observed = try await found.sorted { $0.face.box.height > $1.face.box.height }
    let height = Double(max(keyframe.height, 1))
    let shotSize = ShotSize.classify(
      faceHeights: observed.map { Double($0.face.box.height) / height },
      personHeights: tags.objects.filter { $0.classID == Self.personClass }.map { Double($0.box.height) / height }
    )
    return ClipAnalysis(
      labels: labels.map(\.name),
      semantic: tags.embedding,
      visual: try await visual,
      faces: observed.compactMap(\.embedding),
      shotSize: shotSize
    )
  }

  public func embed(query: String) async throws -> [Float] {
    try await embeddings.embed(texts: [query])[0]
  }

  public func visualVector(of image: PixelBuffer) async throws -> [Float] {
    try await embeddings.embed(image: image, model: .visual)
  }
}
