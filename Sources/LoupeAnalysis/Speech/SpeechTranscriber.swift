import Foundation
import LoupeMedia
import LoupeRuntime
import LoupeSpeech

/// Speech to timed text: the medium's audio (any FFmpeg-readable file) is decoded to 16 kHz mono,
/// silero VAD finds the speech regions, and Whisper transcribes each region on its own, so a
/// Japanese line followed by an English one is not forced into one language.
///
/// The file is read twice, each time as a stream: once for voice activity, once to hand each
/// region's samples (at most 30 s) to Whisper, so memory stays bounded whatever the length.
public struct SpeechTranscriber: Sendable {
  public let whisper: WhisperModel
  public let voiceActivity: VoiceActivityDetector

  public init(whisper: WhisperModel, voiceActivity: VoiceActivityDetector) {
    self.whisper = whisper
    self.voiceActivity = voiceActivity
  }

  /// The installed models; Whisper at f32 with `threads` per inference (all cores when nil).
  public static func live(dependencies: DependenciesDirectory, threads: Int? = nil) throws -> SpeechTranscriber {
    SpeechTranscriber(
      whisper: try WhisperModel.live(
        dependencies: dependencies,
        options: InferenceOptions(precision: .f32, threads: threads, concurrentRequests: 1)
      ),
      voiceActivity: try VoiceActivityDetector.live(dependencies: dependencies)
    )
  }

  public func transcribe(
    file url: URL,
    options: TranscriptionOptions = TranscriptionOptions()
  ) async throws
    -> Transcript
  {
    // Pass 1: window probabilities, streamed.
    let stream = voiceActivity.stream()
    var probabilities: [Float] = []
    var sampleCount = 0
    let first = try await AudioSource(url: url, limits: options.limits)
    while let chunk = try await first.next() {
      sampleCount += chunk.count
      probabilities += try await stream.feed(chunk)
    }
    probabilities += try await stream.finish()
    let regions = options.voiceActivity.regions(from: probabilities, sampleCount: sampleCount)

    // Pass 2: each region's samples as they stream past.
    var segments: [TranscriptSegment] = []
    var buffer: [Float] = []
    var bufferStart = 0
    var pending = regions[...]
    let second = try await AudioSource(url: url, limits: options.limits)
    while let region = pending.first {
      if bufferStart + buffer.count < region.end, let chunk = try await second.next() {
        buffer += chunk
        // Audio before the region is never needed again.
        let before = max(0, min(buffer.count, region.start - bufferStart))
        buffer.removeFirst(before)
        bufferStart += before
        continue
      }
      let from = max(0, region.start - bufferStart)
      let to = min(buffer.count, region.end - bufferStart)
      if from < to {
        segments += try await transcribe(region: Array(buffer[from..<to]), at: region.start, options: options)
      }
      pending = pending.dropFirst()
      let keep = max(0, min(buffer.count, (pending.first?.start ?? Int.max) - bufferStart))
      buffer.removeFirst(keep)
      bufferStart += keep
    }
    return Transcript(
      duration: Double(sampleCount) / Double(AudioDecoder.sampleRate),
      speechDuration: Double(regions.reduce(0) { $0 + $1.end - $1.start }) / Double(AudioDecoder.sampleRate),
      segments: segments
    )
  }

  /// Transcribes 16 kHz mono samples already in memory (at most the limits' duration).
  public func transcribe(
    samples: [Float],
    options: TranscriptionOptions = TranscriptionOptions()
  ) async throws
    -> Transcript
  {
    try options.limits.check(duration: Double(samples.count) / Double(AudioDecoder.sampleRate))
    let probabilities = try await voiceActivity.probabilities(of: samples)
    let regions = options.voiceActivity.regions(from: probabilities, sampleCount: samples.count)
    var segments: [TranscriptSegment] = []
    for region in regions {
      segments += try await transcribe(
        region: Array(samples[region.start..<region.end]),
        at: region.start,
        options: options
      )
    }
    return Transcript(
      duration: Double(samples.count) / Double(AudioDecoder.sampleRate),
      speechDuration: Double(regions.reduce(0) { $0 + $1.end - $1.start }) / Double(AudioDecoder.sampleRate),
      segments: segments
    )
  }

  private func transcribe(
    region samples: [Float],
    at start: Int,
    options: TranscriptionOptions
  ) async throws
    -> [TranscriptSegment]
  {
    // The text comes from a beam search without timestamps, which reads Whisper base's speech
    // more accurately than greedy timestamped decoding (docs/speech.md, measured on held-out
    // speech); a long region is decoded again, greedily with timestamps, for its sentences' times.
    let duration = Double(samples.count) / Double(AudioDecoder.sampleRate)
    var passes = [WhisperDecoding(timing: .untimed, beamSize: options.beamSize)]
    if duration > options.maxSegmentSeconds { passes.append(WhisperDecoding(timing: .timestamps)) }
    let windows = try await whisper.transcribe(
      window: samples,
      language: options.language,
      candidates: options.candidateLanguages,
      passes: passes
    )
    let window = windows[0]
    if window.noSpeechProbability > options.noSpeechThreshold,
      window.averageLogProbability < options.minAverageLogProbability
    {
      return []
    }
    let text = window.segments.map(\.text).joined()
    let timed =
      windows.count > 1
      ? SegmentRetiming.split(text, along: windows[1].segments)
      : nil
    let pieces = timed ?? (text.isEmpty ? [] : [WhisperSegment(start: 0, end: duration, text: text)])
    let offset = Double(start) / Double(AudioDecoder.sampleRate)
    let confidence = Double(exp(window.averageLogProbability))
    return pieces.compactMap {
      let text = $0.text.trimmingCharacters(in: .whitespaces)
      guard !text.isEmpty else { return nil }
      return TranscriptSegment(
        start: offset + $0.start,
        end: offset + min($0.end, duration),
        text: text,
        language: window.language,
        confidence: confidence
      )
    }
  }
}

/// An `AudioDecoder` read from a Dispatch thread, chunk by chunk, by one task at a time.
private final class AudioSource: @unchecked Sendable {
  private let decoder: AudioDecoder

  init(url: URL, limits: AudioLimits) async throws {
    decoder = try await offCooperativePool { try UncheckedDecoder(AudioDecoder(url: url, limits: limits)) }.decoder
  }

  func next() async throws -> [Float]? {
    try await offCooperativePool { [self] in try decoder.next() }
  }
}

/// Carries a freshly made decoder out of the Dispatch thread that opened it.
private struct UncheckedDecoder: @unchecked Sendable {
  let decoder: AudioDecoder
  init(_ decoder: AudioDecoder) { self.decoder = decoder }
}
