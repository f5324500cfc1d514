import LoupeMedia

/// An object the detector found: its COCO category id (1–90, named by `LabelSet.coco()`), the
/// detector's confidence, and its box in the image's pixels.
public struct DetectedObject: Sendable, Equatable, Codable {
  public var classID: Int
  public var score: Float
  public var box: Rect

  public init(classID: Int, score: Float, box: Rect) {
    self.classID = classID
    self.score = score
    self.box = box
  }
}
