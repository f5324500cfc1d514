import Foundation
import LoupeMedia
import LoupeTestSupport
import Testing

@Suite(.offCooperativePool) struct AudioDecoderTests {
  /// A 440 Hz tone, `seconds` long, 44.1 kHz stereo, in the given container.
  static func tone(seconds: Int, file: String, codec: [String] = []) throws -> URL {
    let url = TestClips.scratchURL(file)
    try TestClips.ffmpeg(
      ["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100:duration=\(seconds)", "-ac", "2"] + codec + [url.path]
    )
    return url
  }

  /// Frequency from upward zero crossings.
  static func frequency(_ samples: [Float]) -> Double {
    var crossings = 0
    for index in 1..<samples.count where samples[index - 1] < 0 && samples[index] >= 0 { crossings += 1 }
    return Double(crossings) / (Double(samples.count) / Double(AudioDecoder.sampleRate))
  }

  @Test func resamplesStereoAudioTo16kHzMono() throws {
    let url = try Self.tone(seconds: 2, file: "tone-44k-stereo.wav")
    let decoder = try AudioDecoder(url: url)
    #expect(decoder.info.sampleRate == 44_100)
    #expect(decoder.info.channels == 2)
    var samples: [Float] = []
    while let chunk = try decoder.next() { samples += chunk }
    #expect(abs(samples.count - 32_000) <= 32)
    #expect(abs(Self.frequency(samples) - 440) < 3)
    #expect(samples.map(abs).max()! <= 1)
  }

  @Test func readsTheSoundtrackOfAVideo() throws {
    let url = TestClips.scratchURL("pattern-with-tone.mp4")
    try TestClips.ffmpeg([
      "-f", "lavfi", "-i", "testsrc2=size=160x120:rate=25:duration=2",
      "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=2",
      "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", url.path,
    ])
    let samples = try AudioDecoder.decode(url: url)
    #expect(abs(Double(samples.count) / 16_000 - 2) < 0.1)
    #expect(abs(Self.frequency(Array(samples[4000..<28000])) - 440) < 3)
  }

  @Test func streamsInChunksOfTheAskedSize() throws {
    let url = try Self.tone(seconds: 1, file: "tone-1s.flac")
    let decoder = try AudioDecoder(url: url)
    var chunks: [[Float]] = []
    while let chunk = try decoder.next(maxSamples: 1000) { chunks.append(chunk) }
    #expect(chunks.dropLast().allSatisfy { $0.count == 1000 })
    #expect(chunks.flatMap { $0 } == (try AudioDecoder.decode(url: url)))
  }

  @Test func refusesAVideoWithoutSound() throws {
    let clip = try TestClips.testPattern(seconds: 1)
    #expect(throws: AudioError.noAudioStream) { try AudioDecoder(url: clip.url) }
  }

  @Test func refusesAFileThatIsNotMedia() throws {
    let url = TestClips.scratchURL("not-audio.txt")
    try Data(repeating: 0x41, count: 4096).write(to: url)
    #expect {
      try AudioDecoder(url: url)
    } throws: { error in
      if case .unreadable = error as? AudioError { return true }
      return false
    }
  }

  @Test func enforcesTheDurationAndSizeLimits() throws {
    let url = try Self.tone(seconds: 3, file: "tone-3s.wav")
    #expect(throws: AudioError.tooLong(seconds: 3, limit: 1)) {
      try AudioDecoder(url: url, limits: AudioLimits(maxDuration: 1))
    }
    #expect {
      try AudioDecoder(url: url, limits: AudioLimits(maxBytes: 1000))
    } throws: { error in
      if case .tooLarge(_, 1000) = error as? AudioError { return true }
      return false
    }
  }
}
