/// What the recogniser read in one line image: the text and its confidence, the mean of the
/// winning character probabilities (0 for an empty reading).
public struct RecognizedText: Sendable, Equatable, Hashable, Codable {
  public var text: String
  public var score: Float

  public init(text: String, score: Float) {
    self.text = text
    self.score = score
  }
}
