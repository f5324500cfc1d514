import ArgumentParser
import Foundation
import LoupeAnalysis
import LoupeMedia
import LoupeRuntime

/// Speech recognition speed: Loupe's VAD + Whisper base (decode, silero, log-mel, encoder, the
/// cached decoder's beam search without timestamps and, for regions over 7 s, its greedy timed
/// pass) as a real-time factor (seconds of work per second of audio) on the Japanese test speech
/// and beckett.wav, against faster-whisper (CTranslate2 int8, beam 5 without timestamps, its own
/// silero filter) on the same files and weights in the same run. Model loading is left out on
/// both sides.
struct BenchSpeechCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "speech",
    abstract: "Real-time factor of VAD + Whisper base vs faster-whisper int8 on the test speech."
  )

  @Option(help: "Timed runs per clip and side (median reported).") var runs = 3
  @Option(help: "Threads for both sides.") var threads = ProcessInfo.processInfo.activeProcessorCount

  func run() async throws {
    #if DEBUG
      print("warning: debug build; use ./scripts/run bench speech (release) for real figures")
    #endif
    let dependencies = try DependenciesDirectory.required()
    let clips = [
      try await japaneseSpeech(dependencies),
      dependencies.root.appendingPathComponent(
        "speech/moonshine_onnx/assets/beckett.wav"
      ),
    ]
    let transcriber = try SpeechTranscriber.live(dependencies: dependencies, threads: threads)
    print(
      "loupe: silero VAD + Whisper base f32 (OpenVINO, \(threads) threads), beam 5 without timestamps"
        + " (+ a greedy timed pass over regions longer than 7 s)"
    )
    print(
      "reference: faster-whisper 1.2.1 int8, beam 5 without timestamps, vad_filter, \(threads) threads;"
        + " median of \(runs) runs"
    )

    let reference = try referenceTimes(clips, dependencies: dependencies)
    var rows: [[String]] = []
    for (clip, referenceTimes) in zip(clips, reference) {
      let duration = Double(try AudioDecoder.decode(url: clip).count) / Double(AudioDecoder.sampleRate)
      var text = ""
      _ = try await transcriber.transcribe(file: clip)
      var times: [Double] = []
      for _ in 0..<runs {
        let start = ContinuousClock.now
        text = try await transcriber.transcribe(file: clip).text
        times.append((ContinuousClock.now - start).seconds)
      }
      let (loupe, faster) = (times.median, referenceTimes.median)
      rows.append([
        clip.lastPathComponent, String(format: "%.1f s", duration), String(format: "%.2f s", loupe),
        String(format: "%.3f", loupe / duration), String(format: "%.2f s", faster),
        String(format: "%.3f", faster / duration), String(format: "%.2f", loupe / faster),
      ])
      print("  \(clip.lastPathComponent): \(text.replacingOccurrences(of: "\n", with: " "))")
    }
    let header = ["clip", "audio", "loupe", "RTF", "faster-whisper", "RTF", "loupe/faster-whisper"]
    let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
    for row in [header] + rows {
      print(
        row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
      )
    }
  }

  /// The Japanese test speech, made once with the bundled TTS into .deps/bench-media.
  private func japaneseSpeech(_ dependencies: DependenciesDirectory) async throws -> URL {
    let url = dependencies.root.appendingPathComponent("bench-media/speech-ja.wav")
    guard !FileManager.default.fileExists(atPath: url.path) else { return url }
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    _ = try ReferenceScript(path: "scripts/media/make_test_speech.py", venv: "speech-ref").run(
      [url.path],
      environment: ["KOKORO_JA_CACHE": dependencies.root.appendingPathComponent("speech-cache").path],
      dependencies: dependencies
    )
    return url
  }

  private func referenceTimes(_ clips: [URL], dependencies: DependenciesDirectory) throws -> [[Double]] {
    let output = try ReferenceScript(path: "Benchmarks/speech_faster_whisper.py", venv: "speech-ref").run(
      [dependencies.root.appendingPathComponent("speech/whisper-base").path, String(threads), String(runs)]
        + clips.map(\.path),
      dependencies: dependencies
    )
    let results = try JSONSerialization.jsonObject(with: output) as? [String: [String: Any]]
    return try clips.map {
      guard let times = results?[$0.path]?["times"] as? [Double], !times.isEmpty else {
        throw CLIError("faster-whisper did not time \($0.lastPathComponent)")
      }
      return times
    }
  }
}
