/// Everything one decoding pass over a video found.
public struct VideoScan: Sendable, Equatable {
  public var info: VideoInfo
  /// Frames decoded, blank ones included.
  public var decodedFrameCount: Int
  /// Non-blank frames taken every `VideoScanOptions.sampleInterval` seconds, in time order.
  public var samples: [VideoFrame]
  /// Shots in order; together they cover every decoded frame.
  public var shots: [Shot]
  /// Mean over consecutive frame pairs within shots of the fraction of grid cells that changed
  /// (0…1): near 0 for a slideshow of stills, well above for filmed footage.
  public var motion: Double
  /// Decoded frames that were near-uniform (black, white, one colour) and so never sampled.
  public var blankFrameCount: Int
  /// The embedded text subtitle streams with their cues, in stream order.
  public var subtitles: [SubtitleTrack]

  public init(
    info: VideoInfo,
    decodedFrameCount: Int,
    samples: [VideoFrame],
    shots: [Shot],
    motion: Double,
    blankFrameCount: Int,
    subtitles: [SubtitleTrack]
  ) {
    self.info = info
    self.decodedFrameCount = decodedFrameCount
    self.samples = samples
    self.shots = shots
    self.motion = motion
    self.blankFrameCount = blankFrameCount
    self.subtitles = subtitles
  }
}
