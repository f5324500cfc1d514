/// Thresholds of `ShotBoundaryDetector`, tuned on the OpenCV sample clips and made-up footage
/// (see the README's Video section).
public struct ShotDetectionOptions: Sendable, Equatable {
  /// A frame starts a shot when its difference from the previous frame is at least this many
  /// times the mean difference of its neighbours.
  public var adaptiveThreshold: Double
  /// …and at least this large (`FrameSignature.difference`, 0…1).
  public var minimumScore: Double
  /// Neighbours on each side that the adaptive threshold averages; also how many frames the
  /// detector looks ahead.
  public var window: Int
  /// Frames a shot lasts at least; a candidate cut closer to the previous one is ignored.
  public var minimumShotLength: Int

  public init(adaptiveThreshold: Double = 3, minimumScore: Double = 0.04, window: Int = 2, minimumShotLength: Int = 10)
  {
    self.adaptiveThreshold = adaptiveThreshold
    self.minimumScore = minimumScore
    self.window = window
    self.minimumShotLength = minimumShotLength
  }
}
