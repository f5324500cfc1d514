import Foundation

/// A CIE L\*a\*b\* colour (D65 white, 2° observer) with the sRGB conversions, on the 8-bit
/// scale: sRGB components are 0…255, L\* is 0…100.
public struct CIELabColor: Sendable, Equatable {
  public var lightness: Float
  public var a: Float
  public var b: Float

  public init(lightness: Float, a: Float, b: Float) {
    self.lightness = lightness
    self.a = a
    self.b = b
  }

  /// The colour of an sRGB pixel (components 0…255, IEC 61966-2-1 transfer curve).
  public init(red: Float, green: Float, blue: Float) {
    let r = Self.linear(red), g = Self.linear(green), b = Self.linear(blue)
    let x = (0.412_456_4 * r + 0.357_576_1 * g + 0.180_437_5 * b) / Self.whiteX
    let y = 0.212_672_9 * r + 0.715_152_2 * g + 0.072_175_0 * b
    let z = (0.019_333_9 * r + 0.119_192_0 * g + 0.950_304_1 * b) / Self.whiteZ
    let fx = Self.f(x), fy = Self.f(y), fz = Self.f(z)
    self.init(lightness: 116 * fy - 16, a: 500 * (fx - fy), b: 200 * (fy - fz))
  }

  /// The sRGB components (0…255 for colours inside the gamut; others fall outside that range
  /// and are clamped only when converted to 8 bits).
  public var rgb: (red: Float, green: Float, blue: Float) {
    let fy = (lightness + 16) / 116
    let x = Self.fInverse(fy + a / 500) * Self.whiteX
    let y = Self.fInverse(fy)
    let z = Self.fInverse(fy - b / 200) * Self.whiteZ
    let r = 3.240_454_2 * x - 1.537_138_5 * y - 0.498_531_4 * z
    let g = -0.969_266_0 * x + 1.876_010_8 * y + 0.041_556_0 * z
    let bl = 0.055_643_4 * x - 0.204_025_9 * y + 1.057_225_2 * z
    return (Self.encoded(r), Self.encoded(g), Self.encoded(bl))
  }

  static let whiteX: Float = 0.950_47
  static let whiteZ: Float = 1.088_83
  private static let epsilon: Float = 216 / 24389  // (6/29)³
  private static let kappa: Float = 24389 / 27  // (29/3)³

  private static func linear(_ component: Float) -> Float {
    let c = component / 255
    return c <= 0.040_45 ? c / 12.92 : powf((c + 0.055) / 1.055, 2.4)
  }

  private static func encoded(_ linear: Float) -> Float {
    255 * (linear <= 0.003_130_8 ? 12.92 * linear : 1.055 * powf(linear, 1 / 2.4) - 0.055)
  }

  private static func f(_ t: Float) -> Float {
    t > epsilon ? cbrtf(t) : (kappa * t + 16) / 116
  }

  private static func fInverse(_ t: Float) -> Float {
    let cube = t * t * t
    return cube > epsilon ? cube : (116 * t - 16) / kappa
  }
}

extension FloatImage {
  /// This sRGB image (three channels, 0…255) in L\*a\*b\*; images without three channels come
  /// back unchanged.
  public func convertedToLab() -> FloatImage {
    mapPixels { r, g, b in
      let lab = CIELabColor(red: r, green: g, blue: b)
      return (lab.lightness, lab.a, lab.b)
    }
  }

  /// This L\*a\*b\* image back in sRGB (0…255, unclamped); images without three channels come
  /// back unchanged.
  public func convertedToSRGB() -> FloatImage {
    mapPixels { l, a, b in CIELabColor(lightness: l, a: a, b: b).rgb }
  }

  private func mapPixels(_ transform: (Float, Float, Float) -> (Float, Float, Float)) -> FloatImage {
    guard channels == 3 else { return self }
    var copy = self
    copy.samples.withUnsafeMutableBufferPointer { samples in
      for index in stride(from: 0, to: samples.count, by: 3) {
        let converted = transform(samples[index], samples[index + 1], samples[index + 2])
        samples[index] = converted.0
        samples[index + 1] = converted.1
        samples[index + 2] = converted.2
      }
    }
    return copy
  }
}
