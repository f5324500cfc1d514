import LoupeMedia

/// What the library reads from a clip's keyframe: the seam the live models and test doubles
/// share.
public protocol ClipAnalysisService: Sendable {
  func analyze(keyframe: PixelBuffer) async throws -> ClipAnalysis
  /// The semantic (512-d) vector of a search text, L2-normalised.
  func embed(query: String) async throws -> [Float]
  /// The visual (1280-d) vector of a screenshot or reference image, L2-normalised.
  func visualVector(of image: PixelBuffer) async throws -> [Float]
}

/// A keyframe's tags and vectors.
public struct ClipAnalysis: Sendable, Equatable {
  /// English labels, best first.
  public var labels: [String]
  /// `nil` when the frame shows nothing the semantic space can place it by.
  public var semantic: [Float]?
  public var visual: [Float]

  public init(labels: [String], semantic: [Float]?, visual: [Float]) {
    self.labels = labels
    self.semantic = semantic
    self.visual = visual
  }
}
