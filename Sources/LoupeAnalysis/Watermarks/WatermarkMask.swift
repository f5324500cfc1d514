import LoupeMedia

/// Where the watermarks of one image are and how each pixel is recovered: the strokes of
/// translucent marks are restored by inverting their blend, and the rest of the mask (the
/// anti-aliased fringe around every stroke, and the strokes of marks too opaque to invert) is
/// inpainted. Nothing outside `detected` changes.
public struct WatermarkMask: Sendable, Equatable {
  public let width: Int
  public let height: Int
  public var marks: [OverlayMark]
  /// Per pixel, the opacity to invert (0: not restored).
  public var restoredOpacity: [Float]
  /// Per pixel, the shade whose blend is inverted (0 or 255).
  public var restoredShade: [Float]
  /// Pixels that are filled from around them.
  public var inpainted: Mask

  /// Every pixel the removal may change.
  public var detected: Mask {
    Mask(
      width: width,
      height: height,
      values: zip(restoredOpacity, inpainted.values).map { $0 > 0 || $1 >= 0.5 ? 1 : 0 }
    )!
  }

  public var isEmpty: Bool { marks.isEmpty }

  /// Strokes of marks at most `restorableOpacity` opaque are restored; beyond it the
  /// inversion's division by 1 − opacity amplifies noise and the 8-bit rounding more than
  /// inpainting loses. The fringe, `fringe` pixels around the strokes, is always inpainted.
  public init(width: Int, height: Int, marks: [OverlayMark], restorableOpacity: Float, fringe: Int) {
    self.width = width
    self.height = height
    self.marks = marks
    restoredOpacity = [Float](repeating: 0, count: width * height)
    restoredShade = [Float](repeating: 0, count: width * height)
    var strokeValues = [Float](repeating: 0, count: width * height)
    for mark in marks {
      for pixel in mark.strokes {
        strokeValues[pixel] = 1
        guard mark.opacity <= restorableOpacity else { continue }
        restoredOpacity[pixel] = max(restoredOpacity[pixel], mark.opacity)
        restoredShade[pixel] = mark.shade.value
      }
    }
    let strokes = Mask(width: width, height: height, values: strokeValues)!
    let restored = restoredOpacity
    self.inpainted = Mask(
      width: width,
      height: height,
      values: zip(strokes.dilated(radius: fringe).values, restored).map { $1 > 0 ? 0 : $0 }
    )!
  }
}
