import Foundation
import LoupeMedia
import LoupeTestSupport
import Testing

@Suite(.offCooperativePool) struct SRTParserTests {
  @Test func cuesWithMarkupCountersAndCoordinates() throws {
    let text = """
      1
      00:00:01,000 --> 00:00:02,500
      <i>Hello</i>, <font color="#ffcc00">world</font>!

      2
      00:00:03.250 --> 00:00:05,000 X1:10 X2:100 Y1:10 Y2:50
      {\\an8}Top line
      second  line

      00:01:00,5 --> 01:00:00,000
      no counter, a < b and c > d
      """
    #expect(
      try SubtitleParser.parse(text, as: .srt) == [
        SubtitleCue(start: 1, end: 2.5, text: "Hello, world!"),
        SubtitleCue(start: 3.25, end: 5, text: "Top line\nsecond  line"),
        SubtitleCue(start: 60.5, end: 3600, text: "no counter, a < b and c > d"),
      ]
    )
  }

  @Test func byteOrderMarkCRLFAndChineseSurvive() throws {
    let text =
      "1\r\n00:00:00,100 --> 00:00:01,200\r\n你好，世界！\r\n　全角空格保留\r\n\r\n2\r\n00:00:02,000 --> 00:00:03,000\r\n第二句\r\n"
    let cues = try SubtitleParser.parse([0xEF, 0xBB, 0xBF] + Array(text.utf8))
    #expect(cues.map(\.text) == ["你好，世界！\n　全角空格保留", "第二句"])
    #expect(Array(cues[0].text.utf8) == Array("你好，世界！\n　全角空格保留".utf8))
    #expect(cues.map(\.start) == [0.1, 2])
  }

  @Test func blankLineInsideTextStaysWithItsCue() throws {
    let text = "1\n00:00:01,000 --> 00:00:02,000\nfirst\n\nstill first\n\n2\n00:00:03,000 --> 00:00:04,000\nsecond\n"
    #expect(try SubtitleParser.parse(text, as: .srt).map(\.text) == ["first\n\nstill first", "second"])
  }

  @Test func malformedTimingsNameTheLine() {
    #expect(
      throws: SubtitleError.malformed(format: .srt, line: 6, reason: "unreadable timing \"00:00:03 --> 00:00:04,000\"")
    ) {
      try SubtitleParser.parse("1\n00:00:01,000 --> 00:00:02,000\nok\n\n2\n00:00:03 --> 00:00:04,000\nbad\n", as: .srt)
    }
    #expect(throws: SubtitleError.malformed(format: .srt, line: 2, reason: "the cue ends before it starts")) {
      try SubtitleParser.parse("1\n00:00:05,000 --> 00:00:02,000\nbackwards\n", as: .srt)
    }
    #expect(
      throws: SubtitleError.malformed(
        format: .srt,
        line: 1,
        reason: "expected a timing line like 00:00:01,000 --> 00:00:02,000"
      )
    ) {
      try SubtitleParser.parse("just some text\nwithout timing\n", as: .srt)
    }
    #expect(
      throws: SubtitleError.malformed(
        format: .srt,
        line: 2,
        reason: "unreadable timing \"00:61:00,000 --> 00:62:00,000\""
      )
    ) {
      try SubtitleParser.parse("1\n00:61:00,000 --> 00:62:00,000\nminutes\n", as: .srt)
    }
  }

  @Test func emptyFileHasNoCues() throws {
    #expect(try SubtitleParser.parse("\n\n", as: .srt).isEmpty)
  }
}

@Suite(.offCooperativePool) struct WebVTTParserTests {
  @Test func headersNotesStylesAndSettingsAreSkipped() throws {
    let text = """
      WEBVTT - with a title
      X-TIMESTAMP-MAP=MPEGTS:900000,LOCAL:00:00:00.000

      STYLE
      ::cue { color: yellow }

      NOTE this is a comment
      spanning lines

      intro
      00:01.000 --> 00:02.500 align:start position:10%
      <v Bob>Hi <c.yellow>there</c></v> &amp; welcome &lt;3

      00:00:03.000 --> 00:00:04.000
      karaoke <00:00:03.500>words&nbsp;here

      REGION
      id:fred width:40%

      1:00:00.000 --> 1:00:01.000
      <b>一小时</b>
      """
    #expect(
      try SubtitleParser.parse(text, as: .webVTT) == [
        SubtitleCue(start: 1, end: 2.5, text: "Hi there & welcome <3"),
        SubtitleCue(start: 3, end: 4, text: "karaoke words\u{00A0}here"),
        SubtitleCue(start: 3600, end: 3601, text: "一小时"),
      ]
    )
  }

  @Test func missingHeaderOrTimingIsAnError() {
    #expect(throws: SubtitleError.malformed(format: .webVTT, line: 1, reason: "the file must start with WEBVTT")) {
      try SubtitleParser.parse("00:01.000 --> 00:02.000\nhello\n", as: .webVTT)
    }
    #expect(throws: SubtitleError.malformed(format: .webVTT, line: 1, reason: "the file must start with WEBVTT")) {
      try SubtitleParser.parse("WEBVTTX\n\n00:01.000 --> 00:02.000\nhello\n", as: .webVTT)
    }
    #expect(
      throws: SubtitleError.malformed(
        format: .webVTT,
        line: 3,
        reason: "expected a timing line like 00:01.000 --> 00:02.000"
      )
    ) {
      try SubtitleParser.parse("WEBVTT\n\nid\nno timing here\n", as: .webVTT)
    }
  }
}

@Suite(.offCooperativePool) struct ASSParserTests {
  static let script = """
    [Script Info]
    Title: test
    ScriptType: v4.00+

    [V4+ Styles]
    Format: Name, Fontname, Fontsize, PrimaryColour
    Style: Default,Arial,20,&H00FFFFFF

    [Events]
    Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
    Dialogue: 0,0:00:05.00,0:00:06.50,Default,,0,0,0,,Later line, with commas, kept
    Comment: 0,0:00:00.00,0:00:09.00,Default,,0,0,0,,not shown
    Dialogue: 0,0:00:01.20,0:00:03.05,Default,Bob,0,0,0,,{\\i1}Hello{\\i0}\\Nworld{\\pos(10,20)}\\h!
    Dialogue: 1,1:02:03.04,1:02:04.00,Default,,0,0,0,,中文字幕，逗号
    """

  @Test func eventsInFormatOrderSortedByStart() throws {
    #expect(
      try SubtitleParser.parse(Self.script, as: .ass) == [
        SubtitleCue(start: 1.2, end: 3.05, text: "Hello\nworld !"),
        SubtitleCue(start: 5, end: 6.5, text: "Later line, with commas, kept"),
        SubtitleCue(start: 3723.04, end: 3724, text: "中文字幕，逗号"),
      ]
    )
  }

  @Test func ssaFormatLineIsHonoured() throws {
    let text = """
      [Script Info]
      ScriptType: v4.00

      [Events]
      Format: Marked, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
      Dialogue: Marked=0,0:00:02.00,0:00:03.00,Default,,0000,0000,0000,,SSA line
      """
    #expect(try SubtitleParser.parse(text, as: .ass) == [SubtitleCue(start: 2, end: 3, text: "SSA line")])
  }

  @Test func malformedEventsAreErrors() {
    #expect(throws: SubtitleError.malformed(format: .ass, line: 1, reason: "no [Events] section")) {
      try SubtitleParser.parse("[Script Info]\nTitle: x\n", as: .ass)
    }
    #expect(
      throws: SubtitleError.malformed(format: .ass, line: 3, reason: "Dialogue has 3 fields, the Format line 10")
    ) {
      try SubtitleParser.parse(
        "[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\nDialogue: 0,0:00:01.00,oops\n",
        as: .ass
      )
    }
    #expect(throws: SubtitleError.malformed(format: .ass, line: 2, reason: "unreadable Start or End time")) {
      try SubtitleParser.parse("[Events]\nDialogue: 0,soon,0:00:02.00,Default,,0,0,0,,text\n", as: .ass)
    }
  }
}

@Suite(.offCooperativePool) struct SubtitleFormatTests {
  @Test func contentDecidesAndTheExtensionHints() throws {
    #expect(SubtitleFormat.detect(in: "WEBVTT\n\n00:01.000 --> 00:02.000\nx") == .webVTT)
    #expect(SubtitleFormat.detect(in: "\n[Script Info]\n[Events]\n", hint: .srt) == .ass)
    #expect(SubtitleFormat.detect(in: "1\n00:00:01,000 --> 00:00:02,000\nx", hint: .webVTT) == .srt)
    #expect(SubtitleFormat.detect(in: "00:00:01,000 --> 00:00:02,000\nx") == .srt)
    #expect(SubtitleFormat.detect(in: "", hint: .srt) == .srt)
    #expect(SubtitleFormat.detect(in: "hello") == nil)
    #expect(SubtitleFormat(fileExtension: "SSA") == .ass)
    #expect(SubtitleFormat(fileExtension: "txt") == nil)
    #expect(throws: SubtitleError.unrecognizedFormat) { try SubtitleParser.parse(Array("hello".utf8)) }
  }

  @Test func utf16WithByteOrderMarkIsDecoded() throws {
    let text = "1\n00:00:01,000 --> 00:00:02,000\n繁體中文 and 日本語テキスト\n"
    let little = [UInt8]([0xFF, 0xFE]) + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let big = [UInt8]([0xFE, 0xFF]) + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    for bytes in [little, big] {
      #expect(try SubtitleParser.parse(bytes).map(\.text) == ["繁體中文 and 日本語テキスト"])
    }
  }

  @Test func legacyEncodingsAreRefused() {
    // "中文" in GBK is not valid UTF-8.
    let gbk: [UInt8] = Array("1\n00:00:01,000 --> 00:00:02,000\n".utf8) + [0xD6, 0xD0, 0xCE, 0xC4]
    #expect(throws: SubtitleError.unsupportedEncoding) { try SubtitleParser.parse(gbk) }
    #expect(
      SubtitleError.unsupportedEncoding.description
        == "subtitle file is not UTF-8 text (nor UTF-16 with a byte-order mark)"
    )
    #expect(
      SubtitleError.malformed(format: .webVTT, line: 3, reason: "x").description
        == "malformed WebVTT subtitles at line 3: x"
    )
  }
}

@Suite(.offCooperativePool) struct SubtitleSidecarTests {
  @Test func findsTheVideosSidecarsOnly() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-sidecars-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let srt = "1\n00:00:01,000 --> 00:00:02,000\n你好\n"
    for name in [
      "clip.mp4", "clip.srt", "clip.en.srt", "clip.zh-Hans.vtt", "clip.ASS", "clip.txt", "clip2.srt", "other.srt",
    ] {
      try Data(srt.utf8).write(to: directory.appendingPathComponent(name))
    }
    let sidecars = SubtitleSidecar.find(for: directory.appendingPathComponent("clip.mp4"))
    #expect(sidecars.map(\.url.lastPathComponent) == ["clip.ASS", "clip.srt", "clip.en.srt", "clip.zh-Hans.vtt"])
    #expect(sidecars.map(\.language) == [nil, nil, "en", "zh-Hans"])
    #expect(sidecars.map(\.format) == [.ass, .srt, .srt, .webVTT])
    // The content is SRT whatever the extension says.
    #expect(try sidecars[3].cues() == [SubtitleCue(start: 1, end: 2, text: "你好")])
    #expect(try SubtitleParser.parse(contentsOf: sidecars[1].url).map(\.text) == ["你好"])
  }
}
