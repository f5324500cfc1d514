import Foundation

/// How `VideoScanner` samples, detects shots and measures a video.
public struct VideoScanOptions: Sendable, Equatable {
  public var limits: VideoLimits
  /// Seconds between samples (0.5 = 2 frames per second), by presentation time.
  public var sampleInterval: Double
  /// Samples and shot frames are scaled down so their longer side is at most this; never up.
  public var sampleMaxSide: Int
  /// When duration ÷ `sampleInterval` would exceed this, the interval widens to duration ÷ this.
  public var maxSamples: Int
  /// Decoder threads (frame and slice threading).
  public var threadCount: Int
  public var shotDetection: ShotDetectionOptions
  /// Sample-size frames kept per shot to pick its middle frame from (`FrameReservoir`).
  public var shotFrameCapacity: Int
  /// Shots whose middle frame is kept, spread evenly over the video (`FrameReservoir` over shot
  /// numbers); the other shots are listed without one. Each kept frame is a sample-size RGB image
  /// (2.7 MB at 1280 × 720), so this bounds the scan's memory however often the video cuts.
  /// 0 keeps none (an analysis that reads only the samples); otherwise at least 2.
  public var maxShotFrames: Int
  /// A frame whose luma standard deviation (0…255, on the 128-pixel-wide analysis copy) is
  /// below this is blank: black, white or one colour, including the last frames of a fade.
  public var blankLumaDeviation: Double
  /// A grid cell counts as moving when its mean absolute luma difference from the previous frame
  /// (0…255, on the analysis copy) exceeds this; codec noise on a still stays below it.
  public var motionThreshold: Double
  /// Whether embedded text subtitle streams are decoded.
  public var readsSubtitles: Bool
  /// Seconds between the frames handed to `VideoScanner.scan`'s `frames` consumer (0.5 = 2 per
  /// second, what burned-in subtitles need), by presentation time, blank frames skipped. Unlike
  /// `sampleInterval` it never widens with the duration: the consumer keeps nothing it does not
  /// need, so a long video costs time, not memory.
  public var streamInterval: Double

  public init(
    limits: VideoLimits = .default,
    sampleInterval: Double = 0.5,
    sampleMaxSide: Int = 720,
    maxSamples: Int = 240,
    threadCount: Int = ProcessInfo.processInfo.activeProcessorCount,
    shotDetection: ShotDetectionOptions = ShotDetectionOptions(),
    shotFrameCapacity: Int = 16,
    maxShotFrames: Int = 64,
    blankLumaDeviation: Double = 6,
    motionThreshold: Double = 2,
    readsSubtitles: Bool = true,
    streamInterval: Double = 0.5
  ) {
    self.limits = limits
    self.sampleInterval = sampleInterval
    self.sampleMaxSide = sampleMaxSide
    self.maxSamples = maxSamples
    self.threadCount = threadCount
    self.shotDetection = shotDetection
    self.shotFrameCapacity = shotFrameCapacity
    self.maxShotFrames = maxShotFrames
    self.blankLumaDeviation = blankLumaDeviation
    self.motionThreshold = motionThreshold
    self.readsSubtitles = readsSubtitles
    self.streamInterval = streamInterval
  }
}
