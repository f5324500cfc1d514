/// A run of frames between two cuts.
public struct Shot: Sendable, Equatable {
  /// Index of the shot's first frame.
  public var firstFrame: Int
  /// Index of the first frame after the shot (exclusive end).
  public var endFrame: Int
  /// Presentation time of the first frame, in seconds.
  public var startTime: Double
  /// Presentation time of the next shot's first frame, or the end of the last frame.
  public var endTime: Double
  /// The non-blank frame nearest the shot's middle; `nil` when every frame of the shot is blank
  /// or when the shot is not among the `VideoScanOptions.maxShotFrames` that keep one.
  public var middleFrame: VideoFrame?

  public init(firstFrame: Int, endFrame: Int, startTime: Double, endTime: Double, middleFrame: VideoFrame?) {
    self.firstFrame = firstFrame
    self.endFrame = endFrame
    self.startTime = startTime
    self.endTime = endTime
    self.middleFrame = middleFrame
  }

  public var frameCount: Int { endFrame - firstFrame }
}
