import Foundation

/// Limits on video jobs. PAI recommends videos of at most 100 MB; Loupe's defaults leave room
/// above that and stop what would tie a worker up for too long.
public struct VideoSettings: Sendable, Equatable {
  public var maxBytes = 200 << 20
  public var maxDuration: Double = 3600
  /// Width × height of one frame: 4K UHD.
  public var maxFramePixels = 3840 * 2160
  /// Videos in one `batch_videos` request.
  public var maxBatchSize = 100
  /// `images` of one `MultiModalClassify` request.
  public var maxImages = 20
  public var downloadTimeout: Duration = .seconds(300)

  public init() {}

  mutating func apply(_ file: ConfigurationFile.Videos) throws {
    if let bytes = file.maxBytes { maxBytes = try positive(bytes, "videos.max_bytes") }
    if let seconds = file.maxDurationSeconds {
      guard seconds > 0 else { throw ConfigurationError.invalidValue("videos.max_duration_seconds", "must be > 0") }
      maxDuration = seconds
    }
    if let pixels = file.maxFramePixels { maxFramePixels = try positive(pixels, "videos.max_frame_pixels") }
    if let size = file.maxBatchSize { maxBatchSize = try positive(size, "videos.max_batch_size") }
    if let count = file.maxImages { maxImages = try positive(count, "videos.max_images") }
    if let seconds = file.downloadTimeoutSeconds {
      guard seconds > 0 else { throw ConfigurationError.invalidValue("videos.download_timeout_seconds", "must be > 0") }
      downloadTimeout = .milliseconds(Int64(seconds * 1000))
    }
  }
}

func positive(_ value: Int, _ key: String) throws -> Int {
  guard value > 0 else { throw ConfigurationError.invalidValue(key, "must be a positive integer") }
  return value
}
