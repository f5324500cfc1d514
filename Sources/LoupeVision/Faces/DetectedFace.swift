import LoupeMedia

/// A face found in an image: its box, confidence, and five landmarks in the order
/// left eye, right eye, nose tip, left mouth corner, right mouth corner (as seen in the image).
public struct DetectedFace: Sendable, Equatable, Codable {
  public var box: Rect
  public var score: Float
  public var landmarks: [Point]

  public init(box: Rect, score: Float, landmarks: [Point]) {
    self.box = box
    self.score = score
    self.landmarks = landmarks
  }
}
