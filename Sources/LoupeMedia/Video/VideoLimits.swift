/// Caps checked before any frame is decoded (file size, probed duration and resolution) and again
/// while decoding, so a file whose header understates its length or size is stopped too.
public struct VideoLimits: Sendable, Equatable {
  /// Largest file accepted, in bytes.
  public var maxBytes: Int
  /// Longest duration accepted, in seconds.
  public var maxDuration: Double
  /// Largest width × height of a frame.
  public var maxPixels: Int
  /// Smallest width or height of a frame.
  public var minSide: Int

  public init(
    maxBytes: Int = 200 << 20,
    maxDuration: Double = 3600,
    maxPixels: Int = 3840 * 2160,
    minSide: Int = 16
  ) {
    self.maxBytes = maxBytes
    self.maxDuration = maxDuration
    self.maxPixels = maxPixels
    self.minSide = minSide
  }

  /// 200 MiB, one hour, 4K UHD (3840×2160 in either orientation), 16 px.
  public static let `default` = VideoLimits()

  public func check(fileSize: Int) throws {
    guard fileSize <= maxBytes else { throw VideoError.tooLarge(bytes: fileSize, limit: maxBytes) }
  }

  public func check(duration: Double) throws {
    guard duration <= maxDuration else { throw VideoError.tooLong(seconds: duration, limit: maxDuration) }
  }

  public func check(width: Int, height: Int) throws {
    guard width * height <= maxPixels else {
      throw VideoError.resolutionTooHigh(width: width, height: height, limit: maxPixels)
    }
    guard min(width, height) >= minSide else {
      throw VideoError.resolutionTooLow(width: width, height: height, minimumSide: minSide)
    }
  }

  /// Checks everything the probe tells; the duration only when the container states one.
  public func check(_ info: VideoInfo, fileSize: Int) throws {
    try check(fileSize: fileSize)
    if info.duration > 0 { try check(duration: info.duration) }
    try check(width: info.width, height: info.height)
  }
}
