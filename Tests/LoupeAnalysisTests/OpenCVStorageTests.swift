import LoupeTestSupport
import Testing

@testable import LoupeAnalysis

@Suite(.offCooperativePool) struct OpenCVStorageTests {
  @Test func readsNestedMappingsSequencesAndMatrices() throws {
    let text = """
      %YAML:1.0
      ---
      model:
         kernel:
            type: RBF
         limits: { epsilon:1.5e-03 }
         vectors:
            - [ 1., -2.5e-01,
                3 ]
         functions:
            -
               rho: -4.5
      range: !!opencv-matrix
         rows: 1
         cols: 2
         dt: f
         data: [ 0.5, 2. ]
      """
    let storage = try OpenCVStorage(parsing: text)
    #expect(storage["model"]?["kernel"]?["type"]?.text == "RBF")
    #expect(storage["model"]?["limits"]?["epsilon"]?.number == 0.0015)
    #expect(storage["model"]?["vectors"] == .sequence([.sequence([.scalar("1."), .scalar("-2.5e-01"), .scalar("3")])]))
    guard case .sequence(let functions) = storage["model"]?["functions"] else {
      Issue.record("functions is not a sequence")
      return
    }
    #expect(functions.first?["rho"]?.number == -4.5)
    let matrix = try #require(storage["range"]?.matrix)
    #expect(matrix.rows == 1 && matrix.columns == 2 && matrix.data == [0.5, 2])
  }

  @Test func rejectsUnclosedBracketsAndLinesWithoutKeys() {
    #expect(throws: OpenCVStorage.ParseError.self) { try OpenCVStorage(parsing: "data: [ 1, 2,\n 3") }
    #expect(throws: OpenCVStorage.ParseError.self) { try OpenCVStorage(parsing: "key: 1\nnot a mapping line") }
  }
}
