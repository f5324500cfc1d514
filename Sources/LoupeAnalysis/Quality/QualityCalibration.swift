import Foundation

/// How BRISQUE and the simple measures combine into one 0–100 score (higher is better).
///
/// Each part is a deficit ≥ 0 in its own natural unit, and the score is `100 · exp(−Σ deficits)`,
/// so it never saturates and strictly falls as any deficit grows. Deficits other than BRISQUE are
/// hinges that stay 0 for well-made photos: a distortion that happens to improve a measure it does
/// not target (noise raises sharpness, darkening lowers the noise estimate) then costs nothing in
/// that term while the measure it does target grows. The thresholds and weights were fitted on
/// scikit-image's photos under graded blur, noise, JPEG and exposure (LoupeAnalysisTests'
/// distortion-ranking test checks that every level scores strictly below the one before):
///
/// | part | deficit |
/// |---|---|
/// | BRISQUE b | b / 100 |
/// | blur | 0.5 · max(0, ln(0.1 / sharpness)) |
/// | noise σ | max(0, σ − 1) / 3 |
/// | JPEG blocks | max(0, blockiness − 1) |
/// | under-exposure | 1.5 · max(0, ln(0.6 / highlight level)) |
/// | blown highlights c | 0.5 · ln(1 + 50 · max(0, c − 0.005)) |
enum QualityCalibration {
  static func score(brisque: Double, measures m: QualityMeasures) -> Double {
    let deficits = [
      brisque / 100,
      0.5 * max(0, log(0.1 / max(m.sharpness, 1e-9))),
      max(0, m.noise - 1) / 3,
      max(0, m.blockiness - 1),
      1.5 * max(0, log(0.6 / max(m.highlightLevel, 1e-3))),
      0.5 * log(1 + 50 * max(0, m.clippedHighlights - 0.005)),
    ]
    return 100 * exp(-deficits.reduce(0, +))
  }
}
