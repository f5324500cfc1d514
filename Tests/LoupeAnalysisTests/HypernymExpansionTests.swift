import LoupeVision
import Testing

@testable import LoupeAnalysis

/// The committed WordNet table lines up with the classifier's classes, and the expansion keeps
/// only near, specific ancestors with decaying weights.
struct HypernymExpansionTests {
  @Test func tableNamesEachClassesAncestors() throws {
    let table = try LabelSet.imageNetHypernyms()
    #expect(table.count == 1000)
    // Class 372 is the baboon: an Old World monkey, a monkey, a primate.
    #expect(Array(table[372].prefix(3).map(\.name)) == ["Old World monkey", "monkey", "primate"])
    #expect(table[372].last == Hypernym(name: "entity", distance: 14, depth: 0))
    // Class 980 is the volcano, a mountain.
    #expect(table[980].first?.name == "mountain")
  }

  @Test func expansionKeepsNearSpecificAncestorsWithDecayingWeights() throws {
    let baboon = HypernymExpansion.weighted(try LabelSet.imageNetHypernyms()[372])
    #expect(baboon.map(\.name) == ["Old World monkey", "monkey", "primate"])
    #expect(baboon.map(\.weight) == [0.3, 0.15, 0.075])
    // The volcano's ancestors past "mountain" and "natural elevation" are too vague (depth < 4).
    let volcano = HypernymExpansion.weighted(try LabelSet.imageNetHypernyms()[980])
    #expect(volcano.map(\.name) == ["mountain", "natural elevation"])
  }
}
