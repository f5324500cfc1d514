import Foundation

/// The power spectrum |X_k|² (k = 0…n/2) of a windowed real frame, by direct DFT against
/// precomputed cosine and sine tables. Whisper's 400-point frame is not a power of two; at 160k
/// multiply-adds per frame in 16-wide SIMD this takes well under a millisecond per second of audio.
struct RealDFT: Sendable {
  let size: Int
  let binCount: Int
  /// Per bin, `window · cos` and `window · sin` over the frame, in SIMD16 lanes (zero-padded).
  private let cosines: [SIMD16<Float>]
  private let sines: [SIMD16<Float>]
  private let lanes: Int

  init(size: Int, window: [Float]) {
    self.size = size
    binCount = size / 2 + 1
    lanes = (size + 15) / 16
    var cosines = [SIMD16<Float>](repeating: .zero, count: binCount * lanes)
    var sines = cosines
    for k in 0..<binCount {
      for n in 0..<size {
        // (k·n) mod size keeps the angle small, so the tables are exact to float precision.
        let angle = 2 * Double.pi * Double((k * n) % size) / Double(size)
        cosines[k * lanes + n / 16][n % 16] = Float(cos(angle)) * window[n]
        sines[k * lanes + n / 16][n % 16] = Float(sin(angle)) * window[n]
      }
    }
    self.cosines = cosines
    self.sines = sines
  }

  func power(of frame: [Float], into power: inout [Float]) {
    var packed = [SIMD16<Float>](repeating: .zero, count: lanes)
    for n in 0..<size { packed[n / 16][n % 16] = frame[n] }
    cosines.withUnsafeBufferPointer { cosines in
      sines.withUnsafeBufferPointer { sines in
        for k in 0..<binCount {
          var re = SIMD16<Float>.zero
          var im = SIMD16<Float>.zero
          let base = k * lanes
          for lane in 0..<lanes {
            re += cosines[base + lane] * packed[lane]
            im += sines[base + lane] * packed[lane]
          }
          let real = re.sum()
          let imaginary = im.sum()
          power[k] = real * real + imaginary * imaginary
        }
      }
    }
  }
}
