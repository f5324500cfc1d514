import Foundation
import LoupeTestSupport
import Testing

@Suite(.offCooperativePool) struct TranscribeCommandTests {
  @Test func printsSubRipCues() async throws {
    let result = try await CLIRunner.run(["transcribe", TestSpeech.beckett.path, "--language", "en", "--srt"])
    #expect(result.status == 0, "\(result.standardError)")
    let cues = result.standardOutput.components(separatedBy: "\n\n").filter { !$0.isEmpty }
    #expect(!cues.isEmpty)
    for (index, cue) in cues.enumerated() {
      let lines = cue.split(separator: "\n", omittingEmptySubsequences: false)
      #expect(lines.count == 3, "\(cue)")
      #expect(lines.first == "\(index + 1)"[...])
      #expect(lines.dropFirst().first?.wholeMatch(of: /\d\d:\d\d:\d\d,\d\d\d --> \d\d:\d\d:\d\d,\d\d\d/) != nil)
    }
    #expect(result.standardOutput.contains("Fail better"))
  }

  @Test func printsJSONSegmentsWithLanguageAndConfidence() async throws {
    let result = try await CLIRunner.run(["transcribe", TestSpeech.beckett.path, "--json"])
    #expect(result.status == 0, "\(result.standardError)")
    struct Transcript: Decodable {
      struct Segment: Decodable {
        var start: Double
        var end: Double
        var text: String
        var language: String
        var confidence: Double
      }
      var duration: Double
      var segments: [Segment]
    }
    let transcript = try JSONDecoder().decode(Transcript.self, from: Data(result.standardOutput.utf8))
    #expect(!transcript.segments.isEmpty)
    #expect(
      transcript.segments.allSatisfy { $0.language == "en" && $0.start < $0.end && $0.end <= transcript.duration }
    )
    #expect(transcript.segments.allSatisfy { $0.confidence > 0 && $0.confidence <= 1 })
  }

  @Test func tagsTheSoundsWhenAsked() async throws {
    let result = try await CLIRunner.run(["transcribe", TestSpeech.beckett.path, "--json", "--events"])
    #expect(result.status == 0, "\(result.standardError)")
    struct Report: Decodable {
      struct Event: Decodable {
        var label: String
        var score: Double
      }
      var events: [Event]
    }
    let report = try JSONDecoder().decode(Report.self, from: Data(result.standardOutput.utf8))
    #expect(report.events.first?.label == "Speech")
  }

  @Test func explainsAFileWithoutSound() async throws {
    let clip = try TestClips.testPattern(seconds: 1)
    let result = try await CLIRunner.run(["transcribe", clip.url.path])
    #expect(result.status != 0)
    #expect(result.standardError.contains("the file has no audio stream"))
  }
}
