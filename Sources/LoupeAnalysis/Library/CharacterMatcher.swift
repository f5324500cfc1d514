/// Puts characters on clips by their faces. A keyframe has two kinds of face vectors, and so do
/// a character's pictures:
///
/// - photographed faces: SCRFD's faces with their ArcFace identity vectors (512-d, unit length),
///   matched at a cosine of at least `threshold`;
/// - drawn faces: AnimeFace 2009's faces with the visual vector (1280-d, unit length) of their
///   identity crop (`AnimeFace.identityCrop`), matched at a cosine of at least `drawnThreshold`.
///
/// A keyframe on which AnimeFace found a face is matched by its drawn faces only. SCRFD fires on
/// many drawn faces too, and there ArcFace does not tell characters apart (cosines between
/// different drawn characters reach 0.72, median 0.42, so 0.40 names wrong characters); AnimeFace,
/// for its part, fired on one of 31 faces in seven photographs. docs/library.md ("Drawn
/// characters") has the measurements.
public enum CharacterMatcher {
  /// ArcFace's usual verification operating point on photographs (same person ≈ 0.5–0.8,
  /// different people mostly below 0.3); not tuned on Loupe's test media.
  public static let threshold: Float = 0.40
  /// Fitted on drawn characters (`DrawnCharacterEvaluationTests`): 0.584 on one half of the
  /// query faces, 0.600 on the other; this is their midpoint, each half's accuracy being
  /// reported with the other half's threshold.
  public static let drawnThreshold: Float = 0.59

  /// One keyframe's, or one character's, face vectors of both kinds.
  public struct Faces: Sendable, Equatable {
    public var photographed: [[Float]]
    public var drawn: [[Float]]

    public init(photographed: [[Float]] = [], drawn: [[Float]] = []) {
      self.photographed = photographed
      self.drawn = drawn
    }
  }

  public static func match(
    clips: [(id: Int64, faces: Faces)],
    characters: [String: Faces]
  ) -> [Int64: [String]] {
    var matches: [Int64: [String]] = [:]
    for clip in clips {
      let found =
        clip.faces.drawn.isEmpty
        ? Set(
          characters.filter { _, references in
            anyMatch(clip.faces.photographed, references.photographed, threshold: threshold)
          }.keys
        )
        : Set(clip.faces.drawn.compactMap { bestDrawnMatch(for: $0, among: characters) })
      if !found.isEmpty { matches[clip.id] = found.sorted() }
    }
    return matches
  }

  /// A drawn face is at most one character: the one whose drawn references it is most similar
  /// to, if that reaches `drawnThreshold`. The visual vectors of different characters' faces are
  /// far closer than ArcFace's of different people (median 0.60, up to 0.76, where the same
  /// character's independent artwork gives 0.47–0.80), so any reference over the threshold would
  /// name several of a project's characters on most faces.
  static func bestDrawnMatch(for face: [Float], among characters: [String: Faces]) -> String? {
    var best: (id: String, score: Float)?
    // In id order, a later character must do strictly better: ties go to the same one every run.
    for (id, references) in characters.sorted(by: { $0.key < $1.key }) {
      for reference in references.drawn {
        let score = cosine(face, reference)
        if score >= drawnThreshold, score > (best?.score ?? -.infinity) { best = (id, score) }
      }
    }
    return best?.id
  }

  static func anyMatch(_ faces: [[Float]], _ references: [[Float]], threshold: Float) -> Bool {
    faces.contains { face in references.contains { cosine(face, $0) >= threshold } }
  }

  static func cosine(_ a: [Float], _ b: [Float]) -> Float {
    guard a.count == b.count else { return -1 }
    var dot: Float = 0
    for index in a.indices { dot += a[index] * b[index] }
    return dot
  }
}
