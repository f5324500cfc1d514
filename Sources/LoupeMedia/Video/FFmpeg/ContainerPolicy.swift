/// Which FFmpeg demuxers Loupe accepts. Uploaded files are hostile input: playlist and
/// concatenation demuxers (`hls`, `concat`, …) would open other files or URLs, so only containers
/// that hold their media themselves are allowed.
enum ContainerPolicy {
  static let videoDemuxers: Set<String> = [
    "mov", "mp4", "matroska", "webm", "avi", "flv", "mpegts", "mpeg", "mpegvideo", "asf", "ogg", "gif", "apng",
    "h264", "hevc", "m4v", "mjpeg", "ivf", "obu", "rm", "dv", "mxf", "nut", "yuv4mpegpipe", "vc1", "flic",
    "wtv", "3gp",
  ]

  /// Demuxers that hold both animations and single pictures; one decoded frame means a still.
  static let animationDemuxers: Set<String> = ["gif", "apng"]

  /// FFmpeg names demuxers like `mov,mp4,m4a,3gp,3g2,mj2`; a match on any part counts.
  static func names(_ formatName: String) -> [String] {
    formatName.split(separator: ",").map(String.init)
  }

  static func isStillImage(_ formatName: String) -> Bool {
    names(formatName).contains { $0 == "image2" || $0 == "image2pipe" || $0.hasSuffix("_pipe") }
  }

  static func allows(_ formatName: String) -> Bool {
    names(formatName).contains { videoDemuxers.contains($0) }
  }

  static func isAnimation(_ formatName: String) -> Bool {
    names(formatName).contains { animationDemuxers.contains($0) }
  }

  /// For FFmpeg's `format_whitelist`, which nested demuxers obey too.
  static var whitelist: String { videoDemuxers.sorted().joined(separator: ",") }
}
