import LoupeMedia
import LoupeVision

/// PAI's `FaceAttrImage` entry for one face, with Loupe's model-backed age and gender.
public struct FaceAttributes: Sendable, Equatable {
  public enum Gender: String, Sendable, Codable {
    case female, male
  }

  /// Position in the result, from 0.
  public var index: Int
  public var box: Rect
  public var faceScore: Float
  public var faceShape: [FaceShape: Float]
  /// `nil` when no hair is visible above the face.
  public var hairColor: [HairColor: Float]?
  /// The expected age in years, rounded.
  public var age: Int
  public var gender: Gender
  /// The probability of `gender`.
  public var genderProbability: Float

  /// PAI's `bbox`: left, top, right, bottom in whole pixels.
  public var boundingBox: [Int] {
    [box.x, box.y, box.maxX, box.maxY].map { Int($0.rounded()) }
  }
}

/// PAI's `fairface` answer: the main face's most probable FairFace age range.
public struct FairFaceAgeEstimate: Sendable, Equatable {
  public var range: FairFaceAgeRange
  /// PAI's `age_raneg_prob` (its spelling).
  public var probability: Float

  public init(range: FairFaceAgeRange, probability: Float) {
    self.range = range
    self.probability = probability
  }
}
