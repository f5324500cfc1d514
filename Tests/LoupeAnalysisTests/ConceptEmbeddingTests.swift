import LoupeTestSupport
import Testing

@testable import LoupeAnalysis

@Suite(.offCooperativePool) struct ConceptEmbeddingTests {
  @Test func weightedMeanIsUnitLengthAndLeansToTheHeavierConcept() throws {
    let combined = try #require(ConceptEmbedding.combine([(0.75, [1, 0, 0]), (0.25, [0, 1, 0])]))
    let length = combined.reduce(0) { $0 + $1 * $1 }.squareRoot()
    #expect(abs(length - 1) < 1e-6)
    #expect(combined[0] > combined[1])
    #expect(abs(combined[0] / combined[1] - 3) < 1e-5)
  }

  @Test func nothingWeightedGivesNoEmbedding() {
    #expect(ConceptEmbedding.combine([]) == nil)
    #expect(ConceptEmbedding.combine([(0, [1, 2])]) == nil)
    #expect(ConceptEmbedding.combine([(1, [1, -1]), (1, [-1, 1])]) == nil)
  }
}
