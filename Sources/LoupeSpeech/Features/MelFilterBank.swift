import Foundation

/// Triangular mel filters on the bins of a real FFT, in either of the two conventions the speech
/// models were trained with: Slaney's scale with each filter normalised to unit area (librosa's
/// default, Whisper's) or HTK's scale with peak-1 filters (torchaudio's `mel_scale="htk"`,
/// YAMNet's).
struct MelFilterBank: Sendable {
  enum Scale: Sendable {
    /// Linear below 1 kHz (3 mels per 200 Hz), logarithmic above; area-normalised filters.
    case slaney
    /// 2595 · log10(1 + f / 700); filters peak at 1.
    case htk
  }

  let melCount: Int
  let binCount: Int
  /// Per filter, the first bin it covers and its weights from there (zero bins left out).
  let filters: [(first: Int, weights: [Float])]

  init(
    sampleRate: Int,
    fftSize: Int,
    melCount: Int,
    scale: Scale = .slaney,
    minHertz: Double = 0,
    maxHertz: Double? = nil
  ) {
    self.melCount = melCount
    binCount = fftSize / 2 + 1
    let binFrequencies = (0..<binCount).map { Double($0) * Double(sampleRate) / Double(fftSize) }
    let (low, high) = (Self.mel(minHertz, scale), Self.mel(maxHertz ?? Double(sampleRate) / 2, scale))
    let edges = (0..<(melCount + 2)).map {
      Self.hertz(low + (high - low) * Double($0) / Double(melCount + 1), scale)
    }
    filters = (0..<melCount).map { m in
      let (low, centre, high) = (edges[m], edges[m + 1], edges[m + 2])
      let norm = scale == .slaney ? 2 / (high - low) : 1
      let weights = binFrequencies.map { f in
        Float(max(0, min((f - low) / (centre - low), (high - f) / (high - centre))) * norm)
      }
      let first = weights.firstIndex { $0 > 0 } ?? 0
      let last = weights.lastIndex { $0 > 0 } ?? -1
      return (first, first <= last ? Array(weights[first...last]) : [])
    }
  }

  /// The filters applied to one spectrum.
  func apply(_ spectrum: [Float], into output: inout [Float]) {
    for (m, filter) in filters.enumerated() {
      var sum: Float = 0
      for (offset, weight) in filter.weights.enumerated() { sum += weight * spectrum[filter.first + offset] }
      output[m] = sum
    }
  }

  static func mel(_ hertz: Double, _ scale: Scale) -> Double {
    switch scale {
    case .slaney: hertz < 1000 ? hertz * 3 / 200 : 15 + log(hertz / 1000) / (log(6.4) / 27)
    case .htk: 2595 * log10(1 + hertz / 700)
    }
  }

  static func hertz(_ mel: Double, _ scale: Scale) -> Double {
    switch scale {
    case .slaney: mel < 15 ? mel * 200 / 3 : 1000 * exp((log(6.4) / 27) * (mel - 15))
    case .htk: 700 * (pow(10, mel / 2595) - 1)
    }
  }
}
