import Foundation

/// Triangular mel filters on the bins of a real FFT, Slaney-style (linear below 1 kHz,
/// logarithmic above, each filter normalised to unit area), as librosa and Whisper build them.
struct MelFilterBank: Sendable {
  let melCount: Int
  let binCount: Int
  /// Per filter, the first bin it covers and its weights from there (zero bins left out).
  let filters: [(first: Int, weights: [Float])]

  init(sampleRate: Int, fftSize: Int, melCount: Int) {
    self.melCount = melCount
    binCount = fftSize / 2 + 1
    let binFrequencies = (0..<binCount).map { Double($0) * Double(sampleRate) / Double(fftSize) }
    let maxMel = Self.mel(Double(sampleRate) / 2)
    let edges = (0..<(melCount + 2)).map { Self.hertz(maxMel * Double($0) / Double(melCount + 1)) }
    filters = (0..<melCount).map { m in
      let (low, centre, high) = (edges[m], edges[m + 1], edges[m + 2])
      let norm = 2 / (high - low)
      let weights = binFrequencies.map { f in
        Float(max(0, min((f - low) / (centre - low), (high - f) / (high - centre))) * norm)
      }
      let first = weights.firstIndex { $0 > 0 } ?? 0
      let last = weights.lastIndex { $0 > 0 } ?? -1
      return (first, first <= last ? Array(weights[first...last]) : [])
    }
  }

  /// Slaney's mel scale: 3 mels per 200 Hz up to 1 kHz, then 27 mels per factor 6.4.
  static func mel(_ hertz: Double) -> Double {
    hertz < 1000 ? hertz * 3 / 200 : 15 + log(hertz / 1000) / (log(6.4) / 27)
  }

  static func hertz(_ mel: Double) -> Double {
    mel < 15 ? mel * 200 / 3 : 1000 * exp((log(6.4) / 27) * (mel - 15))
  }
}
