import Foundation

extension Double {
  /// Rounded to `places` decimals, as PAI reports scores and durations.
  public func rounded(to places: Int) -> Double {
    let scale = Foundation.pow(10, Double(places))
    return (self * scale).rounded() / scale
  }
}
