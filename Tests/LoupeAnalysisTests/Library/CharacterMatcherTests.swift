import LoupeAnalysis
import Testing

@Suite struct CharacterMatcherTests {
  static func unit(_ values: [Float]) -> [Float] {
    let norm = values.reduce(0) { $0 + $1 * $1 }.squareRoot()
    return values.map { $0 / norm }
  }

  @Test func aClipShowsTheCharactersWhoseFacesMatch() {
    let alice = Self.unit([1, 0, 0]), bob = Self.unit([0, 1, 0])
    let matches = CharacterMatcher.match(
      clips: [(1, [Self.unit([0.9, 0.1, 0])]), (2, [Self.unit([0, 0, 1])]), (3, [alice, bob])],
      characters: ["alice": [alice], "bob": [bob]]
    )
    #expect(matches == [1: ["alice"], 3: ["alice", "bob"]])
  }

  @Test func aFaceBelowTheThresholdIsNobody() {
    let matches = CharacterMatcher.match(
      clips: [(1, [Self.unit([0.35, 1, 0])])],
      characters: ["alice": [Self.unit([1, 0, 0])]]
    )
    #expect(matches.isEmpty)
  }
}
