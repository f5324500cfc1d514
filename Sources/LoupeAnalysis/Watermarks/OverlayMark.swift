import LoupeMedia
import LoupeVision

/// One watermark found on a text line: white or black strokes laid over the photo with a
/// constant opacity, `result = (1 − opacity) · photo + opacity · shade`.
public struct OverlayMark: Sendable, Equatable {
  public enum Shade: Sendable, Equatable {
    case white, black

    var value: Float { self == .white ? 255 : 0 }
  }

  /// The text line the detector found it on.
  public var region: TextRegion
  public var shade: Shade
  /// 0…1: 1 is opaque.
  public var opacity: Float
  /// Row-major image indices of the strokes' pixels (where the overlay is at full opacity).
  public var strokes: [Int]

  public init(region: TextRegion, shade: Shade, opacity: Float, strokes: [Int]) {
    self.region = region
    self.shade = shade
    self.opacity = opacity
    self.strokes = strokes
  }
}
