/// `FaceAttrImage` with `model_name: "fairface"`. PAI's documented key is misspelt
/// `age_raneg_prob`; both spellings are sent so clients written against either work.
public struct AgeRangePayload: Encodable, Sendable, Equatable {
  public var ageRange: String
  public var probability: Double

  public init(ageRange: String, probability: Double) {
    self.ageRange = ageRange
    self.probability = probability
  }

  enum CodingKeys: String, CodingKey {
    case ageRange = "age_range"
    case paiSpelling = "age_raneg_prob"
    case correctSpelling = "age_range_prob"
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(ageRange, forKey: .ageRange)
    try container.encode(probability, forKey: .paiSpelling)
    try container.encode(probability, forKey: .correctSpelling)
  }
}
