/// `FaceAttrImage`'s data: one entry per face. Only attributes Loupe measures are present; PAI's
/// hairstyle keys have no model here and are left out rather than guessed.
public struct FaceAttributesPayload: Encodable, Sendable, Equatable {
  public struct Face: Encodable, Sendable, Equatable {
    public var index: Int
    public var bbox: [Int]
    public var faceScore: Double
    public var age: Int
    public var gender: String
    public var genderScore: Double
    public var faceShape: [String: Double]
    public var hairColor: [String: Double]?

    public init(
      index: Int,
      bbox: [Int],
      faceScore: Double,
      age: Int,
      gender: String,
      genderScore: Double,
      faceShape: [String: Double],
      hairColor: [String: Double]?
    ) {
      self.index = index
      self.bbox = bbox
      self.faceScore = faceScore
      self.age = age
      self.gender = gender
      self.genderScore = genderScore
      self.faceShape = faceShape
      self.hairColor = hairColor
    }

    enum CodingKeys: String, CodingKey {
      case index, bbox, age, gender
      case faceScore = "face_score"
      case genderScore = "gender_score"
      case faceShape = "FaceShape"
      case hairColor = "HairColor"
    }
  }

  public var attr: [Face]

  public init(attr: [Face]) {
    self.attr = attr
  }
}
