import ArgumentParser
import Foundation
import LoupeAnalysis
import LoupeMedia
import LoupeSpeech

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

  @Option(help: "Beam size of the decoding that reads the text: 5 (Whisper's default) or 1 (greedy, faster).")
  var beam = 5

  @Flag(help: "Output format: --json or --srt (default: one line per segment).")
  var format: Format?

  @Flag(help: "Also tag the sounds heard (YAMNet's AudioSet classes: speech, music, laughter, …); at most one hour.")
  var events = false

  struct Report: Encodable {
    var transcript: Transcript
    var events: [AudioEvent]?
  }

  func validate() throws {
    guard (1...10).contains(beam) else { throw ValidationError("--beam must be between 1 and 10") }
  }

  func run() async throws {
    let transcriber = try SpeechTranscriber.live(dependencies: try .required())
    let options = TranscriptionOptions(language: language == .auto ? nil : language.rawValue, beamSize: beam)
    let url = URL(fileURLWithPath: media)
    let transcript = try await transcriber.transcribe(file: url, options: options)
    let sounds = events ? try await Self.audioEvents(of: url) : nil
    switch format {
    case .json:
      if let sounds {
        try JSONOutput.print(Report(transcript: transcript, events: sounds))
      } else {
        try JSONOutput.print(transcript)
      }
    case .srt:
      print(Self.srt(transcript.segments), terminator: "")
    case nil:
      for segment in transcript.segments {
        print(
          "[\(Self.clock(segment.start, ".")) → \(Self.clock(segment.end, "."))] \(segment.language)  \(segment.text)"
        )
      }
      if let sounds {
        print("events: " + sounds.map { "\($0.label) \(String(format: "%.2f", $0.score))" }.joined(separator: ", "))
      }
    }
  }

  /// YAMNet's tags for the whole file, read into memory (hence the one-hour cap).
  static func audioEvents(of url: URL) async throws -> [AudioEvent] {
    let tagger = try AudioEventTagger.live(dependencies: try .required())
    let samples = try AudioDecoder.decode(url: url, limits: AudioLimits(maxDuration: 3600))
    return try await tagger.events(of: samples)
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
