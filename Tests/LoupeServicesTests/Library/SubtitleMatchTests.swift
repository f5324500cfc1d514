import LoupeServices
import LoupeTestSupport
import Testing

@Suite(.offCooperativePool) struct SubtitleMatchTests {
  @Test func exactMatchFindsOneAndTwoCharacterCJKQueries() {
    #expect(SubtitleMatch.exact("明日", in: "ありがとう、また明日"))
    #expect(SubtitleMatch.exact("猫", in: "猫はどこ？"))
    #expect(!SubtitleMatch.exact("明後日", in: "ありがとう、また明日"))
  }

  @Test func exactMatchKeepsPunctuationAndCase() {
    #expect(!SubtitleMatch.exact("ありがとう また明日", in: "ありがとう、また明日"))
    #expect(!SubtitleMatch.exact("coffee", in: "COFFEE"))
  }

  @Test func fuzzyMatchFoldsWidthCaseAndPunctuation() {
    #expect(SubtitleMatch.fuzzy("ありがとう また明日", in: "ありがとう、また明日"))
    #expect(SubtitleMatch.fuzzy("ＣＯＦＦＥＥ", in: "A cup of coffee, please."))
  }

  @Test func fuzzyMatchForgivesATypo() {
    #expect(SubtitleMatch.fuzzy("a cup of cofee", in: "A cup of coffee, please."))
    #expect(!SubtitleMatch.fuzzy("a glass of tea", in: "A cup of coffee, please."))
  }

  @Test func asciiAndOtherTextFoldAlike() {
    // ASCII takes a fast path; with one accented letter the same line takes the Unicode one.
    #expect(SubtitleMatch.fuzzy("abcd42", in: "A-b_c (d) #42!"))
    #expect(SubtitleMatch.fuzzy("abcd42é", in: "A-b_c (d) #42! É"))
    #expect(!SubtitleMatch.fuzzy("abce", in: "A-b_c (d)"))
  }

  @Test func aFoldedNeedleMatchesFoldedLines() {
    let needle = FuzzyNeedle("また明日")
    #expect(needle.matches(FoldedLine(folding: "ありがとうまた明日")))
    // A dropped kana: 7 of the query's 9 pairs are there.
    #expect(FuzzyNeedle("ありがとうございます").matches(FoldedLine(folding: "ありがとございます")))
    // 2 of 3 pairs are not enough.
    #expect(!needle.matches(FoldedLine(folding: "また明後日")))
    #expect(!needle.matches(FoldedLine(folding: "ありがとう")))
    #expect(!FuzzyNeedle("、。").matches(FoldedLine(folding: "、。")))
  }
}
