import Foundation
import LoupeTestSupport
import LoupeVision
import Testing

@Suite(.offCooperativePool) struct LabelSetTests {
  @Test func imageNetNamesFollowTheClassifierIndices() throws {
    let labels = try LabelSet.imageNet()
    #expect(labels.count == 1000)
    #expect(labels.name(of: 0) == "tench")
    #expect(labels.name(of: 281) == "tabby")
    #expect(labels.name(of: 285) == "Egyptian cat")
    #expect(labels.name(of: 805) == "soccer ball")
    #expect(labels.name(of: 999) == "toilet tissue")
    #expect(labels.name(of: 1000) == nil)
  }

  @Test func cocoLinesAreCategoryIds() throws {
    let labels = try LabelSet.coco()
    #expect(labels.identifiers == 1..<91)
    #expect(labels.name(of: 1) == "person")
    #expect(labels.name(of: 4) == "motorcycle")
    #expect(labels.name(of: 17) == "cat")
    #expect(labels.name(of: 37) == "sports ball")
    #expect(labels.name(of: 47) == "cup")
    #expect(labels.name(of: 90) == "toothbrush")
    #expect(labels.name(of: 0) == nil)
  }

  @Test func aSecondLanguageIsLookedUpByTheSameIdentifier() throws {
    let labels = try LabelSet(english: ["person", "bicycle"], firstIdentifier: 1)
      .adding(language: .chinese, names: ["人", "自行车"])
    #expect(labels.languages == [.english, .chinese])
    #expect(labels.name(of: 2, language: .chinese) == "自行车")
    // A language without a table falls back to English.
    #expect(LabelSet(english: ["person", "bicycle"]).name(of: 1, language: .chinese) == "bicycle")
  }

  @Test func aMisalignedTableIsRejected() {
    #expect(throws: LabelSetError.misalignedTable(language: .chinese, lines: 1, expected: 2)) {
      try LabelSet(english: ["person", "bicycle"]).adding(language: .chinese, names: ["人"])
    }
  }

  @Test func tablesAreReadLineByLineFromFiles() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("labels-\(UUID().uuidString).txt")
    defer { try? FileManager.default.removeItem(at: url) }
    try "tabby, tabby cat\ntiger cat\n".write(to: url, atomically: true, encoding: .utf8)
    let firstSynonyms = try LabelSet(contentsOf: url, firstSynonymOnly: true)
    #expect(firstSynonyms.name(of: 0) == "tabby" && firstSynonyms.name(of: 1) == "tiger cat")
    let whole = try LabelSet(contentsOf: url)
    #expect(whole.name(of: 0) == "tabby, tabby cat")
  }
}
