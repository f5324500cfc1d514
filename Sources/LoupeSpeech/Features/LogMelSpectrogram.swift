import Foundation

/// Whisper's audio front end: 16 kHz samples → an 80 × 3000 log-mel spectrogram of a 30 s window.
///
/// As OpenAI's and faster-whisper's: a 400-sample periodic Hann window every 160 samples, centred
/// (the signal reflected at its start, zeros after its end), power spectrum, Slaney mel filters,
/// log10 clamped at 1e-10, floored at 8 below the window's maximum, then (x + 4) / 4. Audio
/// shorter than 30 s is padded with silence; frames wholly in the padding are not transformed, as
/// their value is known.
public struct LogMelSpectrogram: Sendable {
  public static let sampleRate = 16_000
  public static let melCount = 80
  public static let frameCount = 3000
  public static let windowSamples = 30 * sampleRate
  static let fftSize = 400
  static let hop = 160

  private let filters = MelFilterBank(sampleRate: sampleRate, fftSize: fftSize, melCount: melCount)
  private let transform = RealDFT(size: fftSize, window: Self.hannWindow)

  public init() {}

  /// Row-major [80, 3000] features of the first 30 s of `samples`.
  public func features(of samples: [Float]) -> [Float] {
    let count = min(samples.count, Self.windowSamples)
    let half = Self.fftSize / 2
    // Frames whose window starts past the audio see only silence.
    let activeFrames = min(Self.frameCount, count == 0 ? 0 : (count + half - 1) / Self.hop + 1)
    var logMel = [Float](repeating: log10f(1e-10), count: Self.melCount * Self.frameCount)
    var frame = [Float](repeating: 0, count: Self.fftSize)
    var power = [Float](repeating: 0, count: filters.binCount)
    var mel = [Float](repeating: 0, count: Self.melCount)
    samples.withUnsafeBufferPointer { audio in
      for f in 0..<activeFrames {
        for k in 0..<Self.fftSize {
          let i = f * Self.hop - half + k
          // numpy's "reflect" padding at the start: sample -i mirrors sample i.
          let j = i < 0 ? -i : i
          frame[k] = j < count ? audio[j] : 0
        }
        transform.power(of: frame, into: &power)
        filters.apply(power, into: &mel)
        for m in 0..<Self.melCount { logMel[m * Self.frameCount + f] = log10f(max(mel[m], 1e-10)) }
      }
    }
    let floor = (logMel.max() ?? 0) - 8
    return logMel.map { (max($0, floor) + 4) / 4 }
  }

  static let hannWindow: [Float] = (0..<fftSize).map {
    Float(0.5 - 0.5 * cos(2 * Double.pi * Double($0) / Double(fftSize)))
  }
}
