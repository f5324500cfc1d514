/// Why a video could not be read. Every case is safe to show to a user.
public enum VideoError: Error, Equatable, CustomStringConvertible {
  /// FFmpeg cannot open or parse the file: not a media file, an unsupported container, or corrupt.
  case unreadable(reason: String)
  /// The file is a still image (PNG, JPEG, WebP, a one-frame GIF, …), not a video.
  case stillImage(format: String)
  /// The file is a media container without a video stream (audio only, subtitles only).
  case noVideoStream
  case tooLarge(bytes: Int, limit: Int)
  case tooLong(seconds: Double, limit: Double)
  case resolutionTooHigh(width: Int, height: Int, limit: Int)
  case resolutionTooLow(width: Int, height: Int, minimumSide: Int)
  case decodingFailed(reason: String)
  case cancelled

  public var description: String {
    switch self {
    case .unreadable(let reason):
      "cannot read the file as a video: \(reason)"
    case .stillImage(let format):
      "the file is a still image (\(format)), not a video"
    case .noVideoStream:
      "the file has no video stream"
    case .tooLarge(let bytes, let limit):
      "video file is \(bytes) bytes, more than the limit of \(limit)"
    case .tooLong(let seconds, let limit):
      "video lasts \(Self.format(seconds)) s, more than the limit of \(Self.format(limit)) s"
    case .resolutionTooHigh(let width, let height, let limit):
      "video is \(width)×\(height), more than the limit of \(limit) pixels per frame"
    case .resolutionTooLow(let width, let height, let minimumSide):
      "video is \(width)×\(height), smaller than the minimum side of \(minimumSide) pixels"
    case .decodingFailed(let reason):
      "video decoding failed: \(reason)"
    case .cancelled:
      "video processing was cancelled"
    }
  }

  private static func format(_ seconds: Double) -> String {
    seconds.rounded() == seconds ? String(Int(seconds)) : String(format: "%.1f", seconds)
  }
}
