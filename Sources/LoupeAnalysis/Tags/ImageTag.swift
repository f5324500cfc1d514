/// One label an image shows, from the ImageNet classifier or the COCO detector.
public struct ImageTag: Sendable, Equatable {
  public enum Source: Sendable, Equatable {
    case imageNet(classIndex: Int)
    case coco(classID: Int)
  }

  public var source: Source
  public var name: String
  public var score: Float

  public init(source: Source, name: String, score: Float) {
    self.source = source
    self.name = name
    self.score = score
  }
}

/// The tags of an image, best first, and its place in the text encoder's space.
public struct ImageTagging: Sendable, Equatable {
  public var tags: [ImageTag]
  /// 512-d, L2-normalised; `nil` only when no concept carried any weight.
  public var embedding: [Float]?
  /// Every label's score in vocabulary order: the 1000 ImageNet probabilities, then the best
  /// detection score of each COCO id 1–90.
  public var labelScores: [Float]
}
