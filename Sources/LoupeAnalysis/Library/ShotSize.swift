/// How close the camera is, read from the largest face or person in the frame (seed 000's
/// `ObjectSize`), by the height of its box over the frame's height:
///
/// | shot size | largest face | else largest person |
/// |---|---|---|
/// | `extreme_close_up` | ≥ 0.55 | — |
/// | `close_shot` | ≥ 0.25 | — |
/// | `medium_shot` | ≥ 0.10 | ≥ 0.75 (cut off by the frame) |
/// | `full_shot` | — | ≥ 0.35 |
/// | `long_shot` | smaller, or a person < 0.35 | |
///
/// A frame with neither is `nil`: a landscape or an object has no shot size in this sense. A
/// face settles the size when it is at least medium; a small face defers to the person box, so a
/// full figure with a visible face is a full shot.
public enum ShotSize: String, Sendable, CaseIterable, Codable {
  case extremeCloseUp = "extreme_close_up"
  case closeShot = "close_shot"
  case mediumShot = "medium_shot"
  case fullShot = "full_shot"
  case longShot = "long_shot"

  /// Classifies from box heights as fractions of the frame height (0…1).
  public static func classify(faceHeights: [Double], personHeights: [Double]) -> ShotSize? {
    let face = faceHeights.max() ?? 0
    let person = personHeights.max() ?? 0
    if face >= 0.55 { return .extremeCloseUp }
    if face >= 0.25 { return .closeShot }
    if face >= 0.10 && person < 0.35 { return .mediumShot }
    if person >= 0.75 { return .mediumShot }
    if person >= 0.35 { return .fullShot }
    if face > 0 || person > 0 { return .longShot }
    return nil
  }
}
