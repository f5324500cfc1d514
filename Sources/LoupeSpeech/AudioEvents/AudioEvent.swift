/// A sound heard in a clip: one of AudioSet's 521 classes (speech, music, laughter, explosion, …).
public struct AudioEvent: Sendable, Equatable, Codable {
  /// The class's AudioSet name, e.g. `Music`, and its index in YAMNet's class map.
  public var label: String
  public var index: Int
  /// Mean over the clip's 0.96 s patches of the class's sigmoid score, 0–1.
  public var score: Double

  public init(label: String, index: Int, score: Double) {
    self.label = label
    self.index = index
    self.score = score
  }
}
