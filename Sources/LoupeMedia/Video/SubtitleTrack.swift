/// The cues of one embedded subtitle stream.
public struct SubtitleTrack: Sendable, Equatable {
  public var stream: SubtitleStreamInfo
  /// Ordered by start time.
  public var cues: [SubtitleCue]

  public init(stream: SubtitleStreamInfo, cues: [SubtitleCue]) {
    self.stream = stream
    self.cues = cues
  }
}
