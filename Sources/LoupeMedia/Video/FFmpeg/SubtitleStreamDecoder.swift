internal import CFFmpeg

/// Decodes one embedded text subtitle stream (SubRip, ASS/SSA, WebVTT, mov_text, …). FFmpeg turns
/// every text format into ASS events, whose text field is then stripped of markup.
final class SubtitleStreamDecoder {
  let info: SubtitleStreamInfo
  private var context: UnsafeMutablePointer<AVCodecContext>?
  private let timeBase: Double
  private(set) var cues: [SubtitleCue] = []

  /// `nil` for bitmap streams and codecs without a decoder.
  init?(info: SubtitleStreamInfo, stream: UnsafeMutablePointer<AVStream>) {
    guard info.isText, let parameters = stream.pointee.codecpar,
      let codec = avcodec_find_decoder(parameters.pointee.codec_id)
    else { return nil }
    var context = avcodec_alloc_context3(codec)
    guard context != nil else { return nil }
    guard avcodec_parameters_to_context(context, parameters) >= 0 else {
      avcodec_free_context(&context)
      return nil
    }
    context?.pointee.pkt_timebase = stream.pointee.time_base
    guard avcodec_open2(context, codec, nil) >= 0 else {
      avcodec_free_context(&context)
      return nil
    }
    self.context = context
    self.info = info
    timeBase = FFmpegLibrary.seconds(stream.pointee.time_base)
  }

  deinit {
    avcodec_free_context(&context)
  }

  /// Decodes one packet; `origin` is the video stream's start, in seconds, which cue times are
  /// made relative to. A damaged packet is skipped.
  func decode(_ packet: UnsafeMutablePointer<AVPacket>, origin: Double) {
    guard packet.pointee.pts != FFmpegLibrary.noTimestamp else { return }
    var subtitle = AVSubtitle()
    var gotSubtitle: Int32 = 0
    guard avcodec_decode_subtitle2(context, &subtitle, &gotSubtitle, packet) >= 0, gotSubtitle != 0 else { return }
    defer { avsubtitle_free(&subtitle) }

    let packetStart = Double(packet.pointee.pts) * timeBase - origin
    let start = packetStart + Double(subtitle.start_display_time) / 1000
    let end =
      subtitle.end_display_time > subtitle.start_display_time && subtitle.end_display_time != UInt32.max
      ? packetStart + Double(subtitle.end_display_time) / 1000
      : packetStart + Double(max(packet.pointee.duration, 0)) * timeBase
    var lines: [String] = []
    for index in 0..<Int(subtitle.num_rects) {
      guard let rect = subtitle.rects[index]?.pointee else { continue }
      if rect.type == SUBTITLE_ASS, let event = rect.ass {
        lines.append(SubtitleMarkup.plainASSText(ASSEvent.textField(ofDecodedEvent: String(cString: event))))
      } else if rect.type == SUBTITLE_TEXT, let text = rect.text {
        lines.append(String(cString: text))
      }
    }
    let text = lines.filter { !$0.isEmpty }.joined(separator: "\n")
    guard !text.isEmpty else { return }
    cues.append(SubtitleCue(start: start, end: max(end, start), text: text))
  }
}
