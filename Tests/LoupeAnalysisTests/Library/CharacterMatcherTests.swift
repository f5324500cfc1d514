import LoupeAnalysis
import LoupeTestSupport
import Testing

@Suite(.offCooperativePool) struct CharacterMatcherTests {
  static func unit(_ values: [Float]) -> [Float] {
    let norm = values.reduce(0) { $0 + $1 * $1 }.squareRoot()
    return values.map { $0 / norm }
  }

  static func photographed(_ faces: [Float]...) -> CharacterMatcher.Faces {
    CharacterMatcher.Faces(photographed: faces)
  }

  @Test func aClipShowsTheCharactersWhoseFacesMatch() {
    let alice = Self.unit([1, 0, 0]), bob = Self.unit([0, 1, 0])
    let matches = CharacterMatcher.match(
      clips: [
        (1, Self.photographed(Self.unit([0.9, 0.1, 0]))), (2, Self.photographed(Self.unit([0, 0, 1]))),
        (3, Self.photographed(alice, bob)),
      ],
      characters: ["alice": Self.photographed(alice), "bob": Self.photographed(bob)]
    )
    #expect(matches == [1: ["alice"], 3: ["alice", "bob"]])
  }

  @Test func aFaceBelowTheThresholdIsNobody() {
    let matches = CharacterMatcher.match(
      clips: [(1, Self.photographed(Self.unit([0.35, 1, 0])))],
      characters: ["alice": Self.photographed(Self.unit([1, 0, 0]))]
    )
    #expect(matches.isEmpty)
  }

  /// Drawn faces meet drawn references at their own threshold (0.55 does not clear 0.59), and a
  /// keyframe with a drawn face ignores its photographed ones: SCRFD's face on the same drawing
  /// would otherwise name a character through ArcFace.
  @Test func drawnFacesAreMatchedOnTheirOwn() {
    let eileen = Self.unit([1, 0, 0]), lucy = Self.unit([0, 1, 0])
    let arcFaceOfEileen = Self.unit([0, 0, 1])
    let characters = [
      "eileen": CharacterMatcher.Faces(photographed: [arcFaceOfEileen], drawn: [eileen]),
      "lucy": CharacterMatcher.Faces(drawn: [lucy]),
    ]
    let near = Self.unit([0.62, 0.784, 0]), far = Self.unit([0.55, 0.2, 0.81])
    let matches = CharacterMatcher.match(
      clips: [
        (1, CharacterMatcher.Faces(drawn: [near])),
        (2, CharacterMatcher.Faces(photographed: [arcFaceOfEileen], drawn: [Self.unit([0, 0.2, 1])])),
        (3, CharacterMatcher.Faces(photographed: [arcFaceOfEileen])),
        (4, CharacterMatcher.Faces(drawn: [far])),
      ],
      characters: characters
    )
    #expect(near[0] >= CharacterMatcher.drawnThreshold && far[0] < CharacterMatcher.drawnThreshold)
    // The drawn face nearer Lucy (0.784) than Eileen (0.62) is Lucy's alone.
    #expect(matches == [1: ["lucy"], 3: ["eileen"]])
  }

  @Test func eachDrawnFaceIsItsBestCharacter() {
    let eileen = Self.unit([1, 0, 0]), lucy = Self.unit([0, 1, 0])
    let matches = CharacterMatcher.match(
      clips: [(1, CharacterMatcher.Faces(drawn: [Self.unit([1, 0.9, 0]), Self.unit([0.1, 1, 0])]))],
      characters: ["eileen": CharacterMatcher.Faces(drawn: [eileen]), "lucy": CharacterMatcher.Faces(drawn: [lucy])]
    )
    // The first face is nearer Eileen (0.74 against 0.67), the second Lucy's (0.99).
    #expect(matches == [1: ["eileen", "lucy"]])
  }
}
