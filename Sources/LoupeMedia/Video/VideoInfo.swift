import Foundation

/// What the container and the video stream's header say, before any frame is decoded.
public struct VideoInfo: Sendable, Equatable {
  /// Seconds; 0 when the container states no duration.
  public var duration: Double
  /// Frames per second (the stream's average rate, else its base rate); 0 when unknown.
  public var frameRate: Double
  /// The displayed size: the coded size turned by `rotation`.
  public var width: Int
  public var height: Int
  /// Clockwise degrees (0, 90, 180 or 270) that the stream's display matrix turns frames by, as
  /// phones record portrait video; samples and shot frames come out turned.
  public var rotation: Int
  /// FFmpeg's codec name, e.g. `h264`, `mpeg4`, `vp9`.
  public var codecName: String
  /// FFmpeg's demuxer name, e.g. `mov,mp4,m4a,3gp,3g2,mj2`, `matroska,webm`, `avi`.
  public var formatName: String
  /// The container's frame count when it states one, else duration × frame rate.
  public var estimatedFrameCount: Int
  public var hasAudio: Bool
  public var subtitleStreams: [SubtitleStreamInfo]

  public init(
    duration: Double,
    frameRate: Double,
    width: Int,
    height: Int,
    rotation: Int = 0,
    codecName: String,
    formatName: String,
    estimatedFrameCount: Int,
    hasAudio: Bool,
    subtitleStreams: [SubtitleStreamInfo]
  ) {
    self.duration = duration
    self.frameRate = frameRate
    self.width = width
    self.height = height
    self.rotation = rotation
    self.codecName = codecName
    self.formatName = formatName
    self.estimatedFrameCount = estimatedFrameCount
    self.hasAudio = hasAudio
    self.subtitleStreams = subtitleStreams
  }

  /// Probes a local file. Throws `VideoError` when it is not a readable video; limits are not
  /// checked here (see `VideoLimits.check(_:fileSize:)`).
  public init(contentsOf url: URL) throws {
    let input = try MediaInput(url: url)
    if ContainerPolicy.isAnimation(input.info.formatName), input.countVideoPackets(upTo: 2) < 2 {
      throw VideoError.stillImage(format: input.info.formatName)
    }
    self = input.info
  }
}

/// A subtitle stream embedded in the container.
public struct SubtitleStreamInfo: Sendable, Equatable {
  /// The stream's index in the container.
  public var index: Int
  /// FFmpeg's codec name, e.g. `subrip`, `ass`, `mov_text`, `webvtt`, `hdmv_pgs_subtitle`.
  public var codecName: String
  /// The stream's `language` tag (ISO 639-2, e.g. `eng`, `chi`), when present.
  public var language: String?
  /// Text streams are read by the scanner; bitmap streams (DVD, PGS, DVB) are listed but skipped.
  public var isText: Bool

  public init(index: Int, codecName: String, language: String?, isText: Bool) {
    self.index = index
    self.codecName = codecName
    self.language = language
    self.isText = isText
  }
}
