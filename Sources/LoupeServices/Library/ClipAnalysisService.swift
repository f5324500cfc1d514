import LoupeAnalysis
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

/// A keyframe's tags, vectors, faces and shot size.
public struct ClipAnalysis: Sendable, Equatable {
  /// English labels, best first.
  public var labels: [String]
  /// `nil` when the frame shows nothing the semantic space can place it by.
  public var semantic: [Float]?
  public var visual: [Float]
  /// The identity vectors (512-d) of the faces found, largest first.
  public var faces: [[Float]]
  /// The visual vectors (1280-d) of the drawn faces AnimeFace found, likeliest first: what
  /// identifies animated characters (`CharacterMatcher`).
  public var drawnFaces: [[Float]]
  public var shotSize: ShotSize?

  public init(
    labels: [String],
    semantic: [Float]?,
    visual: [Float],
    faces: [[Float]] = [],
    drawnFaces: [[Float]] = [],
    shotSize: ShotSize? = nil
  ) {
    self.labels = labels
    self.semantic = semantic
    self.visual = visual
    self.faces = faces
    self.drawnFaces = drawnFaces
    self.shotSize = shotSize
  }
}
