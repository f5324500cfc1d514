import ArgumentParser
import Foundation
import LoupeAnalysis

struct TranscribeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "transcribe",
    abstract: "Print the speech in an audio or video file as timed segments (silero VAD + Whisper base)."
  )

  enum LanguageChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, ja, zh, en
  }

  enum Format: String, EnumerableFlag {
    case json, srt
  }

  @Argument(help: "Audio or video file.")
  var media: String

  @Option(help: "Language to decode in: auto (detected per speech region), ja, zh or en.")
  var language: LanguageChoice = .auto

  @Flag(help: "Output format: --json or --srt (default: one line per segment).")
  var format: Format?

  func run() async throws {
    let transcriber = try SpeechTranscriber.live(dependencies: try .required())
    let options = TranscriptionOptions(language: language == .auto ? nil : language.rawValue)
    let transcript = try await transcriber.transcribe(file: URL(fileURLWithPath: media), options: options)
    switch format {
    case .json:
      try JSONOutput.print(transcript)
    case .srt:
      print(Self.srt(transcript.segments), terminator: "")
    case nil:
      for segment in transcript.segments {
        print(
          "[\(Self.clock(segment.start, ".")) → \(Self.clock(segment.end, "."))] \(segment.language)  \(segment.text)"
        )
      }
    }
  }

  static func srt(_ segments: [TranscriptSegment]) -> String {
    segments.enumerated().map { index, segment in
      "\(index + 1)\n\(clock(segment.start, ",")) --> \(clock(segment.end, ","))\n\(segment.text)\n\n"
    }.joined()
  }

  /// `HH:MM:SS.mmm` (or with a comma, as SRT wants).
  static func clock(_ seconds: Double, _ separator: String) -> String {
    let milliseconds = Int((max(0, seconds) * 1000).rounded())
    let (hours, minutes) = (milliseconds / 3_600_000, milliseconds / 60_000 % 60)
    let (wholeSeconds, rest) = (milliseconds / 1000 % 60, milliseconds % 1000)
    return String(format: "%02d:%02d:%02d", hours, minutes, wholeSeconds) + separator + String(format: "%03d", rest)
  }
}
