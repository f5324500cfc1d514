/// A stretch of audio that holds speech, in samples at 16 kHz from the start of the stream.
public struct SpeechRegion: Sendable, Equatable {
  public var start: Int
  public var end: Int

  public init(start: Int, end: Int) {
    self.start = start
    self.end = end
  }

  public var startSeconds: Double { Double(start) / 16_000 }
  public var endSeconds: Double { Double(end) / 16_000 }
}
