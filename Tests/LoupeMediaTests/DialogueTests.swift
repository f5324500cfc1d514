import LoupeMedia
import LoupeTestSupport
import Testing

@Suite(.offCooperativePool) struct DialogueTests {
  @Test func sourcesEnterTogetherInTimeOrderWithSidecarsOnlyWithoutAStream() {
    let stream = [SubtitleCue(start: 2, end: 3, text: "stream")]
    let sidecar = [SubtitleCue(start: 0, end: 1, text: "sidecar")]
    let ocr = [DialogueEvent(text: "画面の字幕", start: 1, end: 2, source: .ocr, confidence: 0.9)]
    let speech = [DialogueEvent(text: "spoken", start: 0.5, end: 1.5, source: .speech, confidence: 0.7)]
    let both = Dialogue(textStream: stream, sidecar: sidecar, ocr: ocr, speech: speech)
    #expect(both.events.map(\.text) == ["spoken", "画面の字幕", "stream"])
    #expect(both.events.map(\.source) == [.speech, .ocr, .textStream])
    let sidecarOnly = Dialogue(sidecar: sidecar)
    #expect(sidecarOnly.events.map(\.source) == [.sidecar] && sidecarOnly.events[0].confidence == 1)
  }

  @Test func subtitlesComeBeforeSpeechInTheText() {
    let speech = DialogueEvent(text: "spoken", start: 0, end: 1, source: .speech, confidence: 0.7)
    #expect(Dialogue(events: [speech]).text() == "spoken")
    #expect(!Dialogue(events: [speech]).hasSubtitles)
    let ocr = DialogueEvent(text: "shown", start: 2, end: 3, source: .ocr, confidence: 0.9)
    let both = Dialogue(events: [speech, ocr])
    #expect(both.text() == "shown" && both.hasSubtitles)
    let authored = DialogueEvent(text: "shown", start: 2, end: 3, source: .textStream, confidence: 1)
    #expect(Dialogue(events: [authored, ocr]).text() == "shown")
  }

  @Test func repeatedLinesOfOneSourceAreMerged() {
    let first = DialogueEvent(text: "同じ", start: 1, end: 2, source: .ocr, confidence: 0.9)
    let again = DialogueEvent(text: "同じ", start: 2.5, end: 3, source: .ocr, confidence: 0.95)
    let later = DialogueEvent(text: "同じ", start: 10, end: 11, source: .ocr, confidence: 0.9)
    let spoken = DialogueEvent(text: "同じ", start: 1, end: 2, source: .speech, confidence: 0.8)
    let dialogue = Dialogue(events: [first, again, later, spoken])
    #expect(dialogue.events(from: [.ocr]).map { [$0.start, $0.end] } == [[1, 3], [10, 11]])
    #expect(dialogue.events(from: [.ocr]).first?.confidence == 0.95)
    #expect(dialogue.events(from: [.speech]).count == 1)
  }
}
