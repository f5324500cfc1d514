import LoupeVision

/// A label Loupe can tag with, by the identifier of the model that predicts it: an ImageNet class
/// of the classifier or a COCO category of the detector. Names are looked up per language only
/// when a result is shown, so merging and deduplication never depend on a translation.
public enum ImageLabel: Sendable, Hashable {
  case imageNet(classIndex: Int)
  case coco(classID: Int)
}

/// One label an image shows, with its score.
public struct ImageTag: Sendable, Equatable {
  public var label: ImageLabel
  public var score: Float

  public init(label: ImageLabel, score: Float) {
    self.label = label
    self.score = score
  }
}

/// A tag as shown to people: the label's name in one language.
public struct NamedTag: Sendable, Equatable {
  public var name: String
  public var score: Float

  public init(name: String, score: Float) {
    self.name = name
    self.score = score
  }
}

/// The tags of an image, best first, and its place in the text encoder's space.
public struct ImageTagging: Sendable, Equatable {
  /// One per label, best first.
  public var tags: [ImageTag]
  /// 512-d, L2-normalised; `nil` only when no concept carried any weight.
  public var embedding: [Float]?
  /// Every label's score in vocabulary order: the 1000 ImageNet probabilities, then the best
  /// detection score of each COCO id 1–90.
  public var labelScores: [Float]
  /// The detector's objects with their boxes, in image pixels.
  public var objects: [DetectedObject]
  /// The classifier's reading of the whole image, whose features also make its visual vector.
  public var classification: Classification
}

/// PAI's `tagger` model: a caption of the labels scoring at least the threshold, best first and
/// each name once, and every label's probability in vocabulary order.
public struct TaggerCaption: Sendable, Equatable {
  public var caption: String
  public var probabilities: [Float]

  public init(caption: String, probabilities: [Float]) {
    self.caption = caption
    self.probabilities = probabilities
  }
}
