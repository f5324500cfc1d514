/// One subtitle: what is shown from `start` to `end`, in seconds. Markup is stripped; lines are
/// separated by "\n".
public struct SubtitleCue: Sendable, Equatable {
  public var start: Double
  public var end: Double
  public var text: String

  public init(start: Double, end: Double, text: String) {
    self.start = start
    self.end = end
    self.text = text
  }
}
