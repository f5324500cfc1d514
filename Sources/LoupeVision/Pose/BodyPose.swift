import LoupeMedia

/// One person's pose: the 33 landmarks and the person mask from the landmark model, the region it
/// read and how sure it is that a person is there.
public struct BodyPose: Sendable, Equatable {
  public var region: PoseRegion
  /// The landmark model's probability that the region holds a person.
  public var presence: Float
  public var landmarks: [PoseLandmark]
  public var mask: PersonMask

  public init(region: PoseRegion, presence: Float, landmarks: [PoseLandmark], mask: PersonMask) {
    self.region = region
    self.presence = presence
    self.landmarks = landmarks
    self.mask = mask
  }

  public subscript(kind: PoseLandmarkKind) -> PoseLandmark {
    landmarks[kind.rawValue]
  }
}
