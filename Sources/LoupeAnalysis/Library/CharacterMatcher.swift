/// Puts characters on clips by their faces: a clip shows a character when one of its keyframe's
/// faces and one of the character's reference faces have identity vectors (ArcFace, 512-d,
/// unit length) with a cosine of at least `threshold`.
///
/// 0.40 is ArcFace's usual verification operating point on photographs (same person ≈ 0.5–0.8,
/// different people mostly below 0.3); it was not tuned on Loupe's test media. Drawn characters
/// are outside what the face models were trained on: docs/library.md says how they fare.
public enum CharacterMatcher {
  public static let threshold: Float = 0.40

  public static func match(
    clips: [(id: Int64, faces: [[Float]])],
    characters: [String: [[Float]]],
    threshold: Float = threshold
  ) -> [Int64: [String]] {
    var matches: [Int64: [String]] = [:]
    for clip in clips {
      let found = characters.filter { _, references in
        clip.faces.contains { face in references.contains { cosine(face, $0) >= threshold } }
      }.keys.sorted()
      if !found.isEmpty { matches[clip.id] = found }
    }
    return matches
  }

  static func cosine(_ a: [Float], _ b: [Float]) -> Float {
    guard a.count == b.count else { return -1 }
    var dot: Float = 0
    for index in a.indices { dot += a[index] * b[index] }
    return dot
  }
}
