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
}
