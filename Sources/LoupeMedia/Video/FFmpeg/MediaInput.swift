internal import CFFmpeg
import Foundation

/// A local media file opened by FFmpeg's demuxer, with its video stream chosen and described.
final class MediaInput {
  let context: UnsafeMutablePointer<AVFormatContext>
  let videoStreamIndex: Int
  let info: VideoInfo
  /// Owns the demuxer; closing it frees `context`.
  private let demuxer: OpenedDemuxer

  init(url: URL) throws {
    demuxer = try OpenedDemuxer(url: url, whitelist: ContainerPolicy.whitelist, failure: VideoError.unreadable) {
      formatName,
      _ in
      if ContainerPolicy.isStillImage(formatName) { throw VideoError.stillImage(format: formatName) }
      guard ContainerPolicy.allows(formatName) else {
        throw VideoError.unreadable(reason: "\(formatName) is not a supported video container")
      }
    }
    context = demuxer.context
    guard let index = Self.bestVideoStream(in: context) else { throw VideoError.noVideoStream }
    videoStreamIndex = index
    info = Self.describe(context, videoStream: index, formatName: demuxer.formatName)
  }

  func stream(_ index: Int) -> UnsafeMutablePointer<AVStream> {
    context.pointee.streams[index]!
  }

  var streamCount: Int { Int(context.pointee.nb_streams) }

  /// The largest decodable video stream that is not cover art.
  private static func bestVideoStream(in context: UnsafeMutablePointer<AVFormatContext>) -> Int? {
    var best: (index: Int, pixels: Int)?
    for index in 0..<Int(context.pointee.nb_streams) {
      let stream = context.pointee.streams[index]!.pointee
      let parameters = stream.codecpar.pointee
      guard parameters.codec_type == AVMEDIA_TYPE_VIDEO,
        stream.disposition & AV_DISPOSITION_ATTACHED_PIC == 0,
        avcodec_find_decoder(parameters.codec_id) != nil,
        parameters.width > 0, parameters.height > 0
      else { continue }
      let pixels = Int(parameters.width) * Int(parameters.height)
      if best == nil || pixels > best!.pixels { best = (index, pixels) }
    }
    return best?.index
  }

  private static func describe(
    _ context: UnsafeMutablePointer<AVFormatContext>,
    videoStream index: Int,
    formatName: String
  ) -> VideoInfo {
    let stream = context.pointee.streams[index]!.pointee
    let parameters = stream.codecpar.pointee
    var duration = 0.0
    if context.pointee.duration != FFmpegLibrary.noTimestamp, context.pointee.duration > 0 {
      duration = Double(context.pointee.duration) / Double(AV_TIME_BASE)
    } else if stream.duration != FFmpegLibrary.noTimestamp, stream.duration > 0 {
      duration = Double(stream.duration) * FFmpegLibrary.seconds(stream.time_base)
    }
    let averageRate = FFmpegLibrary.seconds(stream.avg_frame_rate)
    let frameRate = averageRate > 0 ? averageRate : FFmpegLibrary.seconds(stream.r_frame_rate)
    let frameCount = stream.nb_frames > 0 ? Int(stream.nb_frames) : Int((duration * frameRate).rounded())

    var hasAudio = false
    var subtitles: [SubtitleStreamInfo] = []
    for other in 0..<Int(context.pointee.nb_streams) {
      let stream = context.pointee.streams[other]!.pointee
      let codecID = stream.codecpar.pointee.codec_id
      switch stream.codecpar.pointee.codec_type {
      case AVMEDIA_TYPE_AUDIO:
        hasAudio = true
      case AVMEDIA_TYPE_SUBTITLE:
        let isText = avcodec_descriptor_get(codecID).map { $0.pointee.props & AV_CODEC_PROP_TEXT_SUB != 0 } ?? false
        let language = av_dict_get(stream.metadata, "language", nil, 0).map { String(cString: $0.pointee.value) }
        subtitles.append(
          SubtitleStreamInfo(
            index: other,
            codecName: String(cString: avcodec_get_name(codecID)),
            language: language,
            isText: isText
          )
        )
      default:
        break
      }
    }
    let rotation = Self.rotation(of: context.pointee.streams[index]!)
    let (width, height) = (Int(parameters.width), Int(parameters.height))
    return VideoInfo(
      duration: duration,
      frameRate: frameRate,
      width: rotation % 180 == 0 ? width : height,
      height: rotation % 180 == 0 ? height : width,
      rotation: rotation,
      codecName: String(cString: avcodec_get_name(parameters.codec_id)),
      formatName: formatName,
      estimatedFrameCount: frameCount,
      hasAudio: hasAudio,
      subtitleStreams: subtitles
    )
  }

  /// Clockwise quarter turns in degrees, the way FFmpeg's own player and CLI apply the display
  /// matrix (which states the counterclockwise angle); 0 without one.
  private static func rotation(of stream: UnsafeMutablePointer<AVStream>) -> Int {
    guard let matrix = av_stream_get_side_data(stream, AV_PKT_DATA_DISPLAYMATRIX, nil) else { return 0 }
    let degrees = matrix.withMemoryRebound(to: Int32.self, capacity: 9) { av_display_rotation_get($0) }
    guard degrees.isFinite else { return 0 }
    let quarterTurns = Int((-degrees / 90).rounded())
    return (quarterTurns % 4 + 4) % 4 * 90
  }

  /// Reads up to `limit` packets of the video stream without decoding them; for telling a
  /// one-picture GIF from an animation without a full scan.
  func countVideoPackets(upTo limit: Int) -> Int {
    guard let packet = av_packet_alloc() else { return 0 }
    defer {
      var optional: UnsafeMutablePointer<AVPacket>? = packet
      av_packet_free(&optional)
    }
    var count = 0
    while count < limit, av_read_frame(context, packet) >= 0 {
      if Int(packet.pointee.stream_index) == videoStreamIndex { count += 1 }
      av_packet_unref(packet)
    }
    return count
  }
}
