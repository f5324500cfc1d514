import Foundation
import LoupeMedia

/// What hair-colour estimation asks of a colour, on LoupeMedia's one sRGB ↔ L*a*b* conversion:
/// perceptual distance (Euclidean in L*a*b*), chroma and hue, robust summaries of sampled pixels.
extension CIELabColor {
  var chroma: Float { (a * a + b * b).squareRoot() }

  /// Hue angle in degrees, −180 to 180 (0 red, 90 yellow).
  var hue: Float { atan2(b, a) * 180 / .pi }

  func distance(to other: CIELabColor) -> Float {
    let dl = lightness - other.lightness, da = a - other.a, db = b - other.b
    return (dl * dl + da * da + db * db).squareRoot()
  }

  /// The per-component median, robust to the stray pixels of a sampled region.
  static func median(of colors: [CIELabColor]) -> CIELabColor? {
    guard !colors.isEmpty else { return nil }
    func middle(_ values: [Float]) -> Float { values.sorted()[values.count / 2] }
    return CIELabColor(
      lightness: middle(colors.map(\.lightness)),
      a: middle(colors.map(\.a)),
      b: middle(colors.map(\.b))
    )
  }

  static func mean(of colors: [CIELabColor]) -> CIELabColor? {
    guard !colors.isEmpty else { return nil }
    let count = Float(colors.count)
    return CIELabColor(
      lightness: colors.reduce(0) { $0 + $1.lightness } / count,
      a: colors.reduce(0) { $0 + $1.a } / count,
      b: colors.reduce(0) { $0 + $1.b } / count
    )
  }
}
