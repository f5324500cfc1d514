/// What the age and gender networks say about one face.
public struct AgeGenderEstimate: Sendable, Equatable, Codable {
  /// One probability per year of age, 0 through 80 (the last class holds 80 and over).
  public var ageProbabilities: [Float]
  public var femaleProbability: Float
  public var maleProbability: Float

  static let ageClasses = 81

  public init(ageProbabilities: [Float], femaleProbability: Float, maleProbability: Float) {
    self.ageProbabilities = ageProbabilities
    self.femaleProbability = femaleProbability
    self.maleProbability = maleProbability
  }

  /// The expected age, weighting class 0 by a quarter year as dlib's example does.
  public var age: Float {
    ageProbabilities.enumerated().reduce(0) { sum, entry in
      sum + (entry.offset == 0 ? 0.25 : Float(entry.offset)) * entry.element
    }
  }

  public var isMale: Bool { maleProbability > femaleProbability }

  /// The probability of each FairFace age range: the sum of the probabilities of its years.
  public var fairFaceRanges: [(range: FairFaceAgeRange, probability: Float)] {
    FairFaceAgeRange.allCases.map { range in
      (range, range.years.reduce(0) { $0 + ageProbabilities[$1] })
    }
  }

  /// The most probable FairFace age range.
  public var fairFaceRange: (range: FairFaceAgeRange, probability: Float) {
    let ranges = fairFaceRanges
    return ranges.dropFirst().reduce(ranges[0]) { $1.probability > $0.probability ? $1 : $0 }
  }
}

/// FairFace's nine age ranges, in the order of its classifier.
public enum FairFaceAgeRange: String, CaseIterable, Sendable, Codable {
  case upTo2 = "0-2"
  case from3To9 = "3-9"
  case from10To19 = "10-19"
  case from20To29 = "20-29"
  case from30To39 = "30-39"
  case from40To49 = "40-49"
  case from50To59 = "50-59"
  case from60To69 = "60-69"
  case over70 = "70+"

  /// The age classes (years) the range covers; 70+ takes every class from 70 to 80.
  var years: ClosedRange<Int> {
    switch self {
    case .upTo2: 0...2
    case .from3To9: 3...9
    case .from10To19: 10...19
    case .from20To29: 20...29
    case .from30To39: 30...39
    case .from40To49: 40...49
    case .from50To59: 50...59
    case .from60To69: 60...69
    case .over70: 70...80
    }
  }
}
