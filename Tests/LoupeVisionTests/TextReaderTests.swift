import LoupeMedia
import LoupeRuntime
import LoupeTestSupport
import LoupeVision
import Testing

@Suite(.offCooperativePool) struct TextReaderTests {
  @Test(arguments: ["ありがとう、また明日", "今日はいい天気ですね", "カタカナとひらがなを読む"])
  func readsHorizontalJapaneseExactly(line: String) async throws {
    let lines = try await OCRFixtures.reader.get().read(try await RenderedText.image([line]))
    #expect(lines.map(\.text) == [line])
    #expect(lines.first?.direction == .horizontal)
    #expect(lines.allSatisfy { $0.score > 0.9 })
  }

  @Test(arguments: ["我们明天见吧", "欢迎来到北京，请多关照"])
  func readsChineseExactly(line: String) async throws {
    let image = try await RenderedText.image([line], face: .simplifiedChinese)
    #expect(try await OCRFixtures.reader.get().read(image).map(\.text) == [line])
  }

  @Test func readsVerticalJapaneseExactly() async throws {
    let image = try await RenderedText.image(["ありがとう、また明日"], vertical: true)
    let lines = try await OCRFixtures.reader.get().read(image)
    #expect(lines.map(\.text) == ["ありがとう、また明日"])
    #expect(lines.first?.direction == .vertical)
  }

  /// Vertical Japanese is read column by column from the right.
  @Test func readsVerticalColumnsRightToLeft() async throws {
    let columns = ["吾輩は猫である", "名前はまだ無い", "どこで生れたか"]
    let image = try await RenderedText.image(columns, vertical: true)
    let lines = try await OCRFixtures.reader.get().read(image)
    #expect(lines.map(\.text) == columns)
    #expect(lines.map(\.bounds.x) == lines.map(\.bounds.x).sorted(by: >))
  }

  @Test func readsLinesTopToBottom() async throws {
    let rows = ["第一行的文字", "第二行的文字", "Third line 3"]
    let image = try await RenderedText.image(rows, face: .simplifiedChinese)
    #expect(try await OCRFixtures.reader.get().read(image).map(\.text) == rows)
  }

  /// The orientation classifier turns an upside-down line before it is read.
  @Test func readsUpsideDownLines() async throws {
    let image = try await RenderedText.image(["また明日会いましょう"]).rotated(quarterTurns: 2)
    #expect(try await OCRFixtures.reader.get().read(image).map(\.text) == ["また明日会いましょう"])
  }

  @Test func photoWithoutWritingHasNoLines() async throws {
    let lines = try await OCRFixtures.reader.get().read(try VisionFixtures.photo(ObjectFixtures.chelsea))
    #expect(lines.isEmpty, "\(lines)")
  }

  /// The same text as rapidocr's whole pipeline on the scene-text photos.
  @Test(arguments: ["scenetext01.jpg", "scenetext02.jpg", "scenetext05.jpg"])
  func matchesRapidOCRText(photo: String) async throws {
    let golden = try #require(OCRFixtures.golden.reader[photo])
    let lines = try await OCRFixtures.reader.get().read(try OCRFixtures.sceneText(photo))
    #expect(lines.map(\.text).joined(separator: "\n") == golden.joined(separator: "\n"))
  }
}
