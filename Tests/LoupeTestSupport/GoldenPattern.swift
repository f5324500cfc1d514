import Foundation
import LoupeRuntime

/// The synthetic input the golden-value scripts feed every model, and how far outputs may differ.
public enum GoldenPattern {
  /// value[c][y][x] = sin(0.05·x + 0.09·y + 1.3·c), as in the Fixtures/make_golden*.py scripts.
  public static func tensor(side: Int) -> Tensor {
    var values: [Float] = []
    values.reserveCapacity(3 * side * side)
    for c in 0..<3 {
      for y in 0..<side {
        for x in 0..<side {
          values.append(Float(sin(0.05 * Double(x) + 0.09 * Double(y) + 1.3 * Double(c))))
        }
      }
    }
    return Tensor(shape: [1, 3, side, side], floats: values)
  }

  /// Infinite when the lengths differ, so a truncated output never passes.
  public static func maxAbsDifference(_ a: [Float], _ b: [Float]) -> Float {
    a.count == b.count ? zip(a, b).map { abs($0 - $1) }.max() ?? 0 : .infinity
  }
}
