import Foundation

/// A CIELab colour (D65 white), where Euclidean distance approximates perceived difference.
struct LabColor: Sendable, Equatable {
  var l: Float, a: Float, b: Float

  init(l: Float, a: Float, b: Float) {
    (self.l, self.a, self.b) = (l, a, b)
  }

  /// The CIELab value of an 8-bit sRGB colour.
  init(red: UInt8, green: UInt8, blue: UInt8) {
    let r = Self.linear[Int(red)], g = Self.linear[Int(green)], bl = Self.linear[Int(blue)]
    // sRGB (D65) to XYZ, each divided by the white point's component.
    let x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * bl) / 0.95047
    let y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * bl
    let z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * bl) / 1.08883
    let fx = Self.f(x), fy = Self.f(y), fz = Self.f(z)
    self.init(l: 116 * fy - 16, a: 500 * (fx - fy), b: 200 * (fy - fz))
  }

  var chroma: Float { (a * a + b * b).squareRoot() }

  /// Hue angle in degrees, −180 to 180 (0 red, 90 yellow).
  var hue: Float { atan2(b, a) * 180 / .pi }

  func distance(to other: LabColor) -> Float {
    let dl = l - other.l, da = a - other.a, db = b - other.b
    return (dl * dl + da * da + db * db).squareRoot()
  }

  /// The per-component median, robust to the stray pixels of a sampled region.
  static func median(of colors: [LabColor]) -> LabColor? {
    guard !colors.isEmpty else { return nil }
    func middle(_ values: [Float]) -> Float { values.sorted()[values.count / 2] }
    return LabColor(l: middle(colors.map(\.l)), a: middle(colors.map(\.a)), b: middle(colors.map(\.b)))
  }

  static func mean(of colors: [LabColor]) -> LabColor? {
    guard !colors.isEmpty else { return nil }
    let count = Float(colors.count)
    return LabColor(
      l: colors.reduce(0) { $0 + $1.l } / count, a: colors.reduce(0) { $0 + $1.a } / count,
      b: colors.reduce(0) { $0 + $1.b } / count)
  }

  private static let linear: [Float] = (0..<256).map { value in
    let c = Float(value) / 255
    return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
  }

  private static func f(_ t: Float) -> Float {
    t > 216 / 24389 ? cbrt(t) : (24389 / 27 * t + 16) / 116
  }
}
