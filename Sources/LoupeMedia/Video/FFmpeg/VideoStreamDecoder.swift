internal import CFFmpeg

/// The video stream's decoder, with frame and slice threading.
final class VideoStreamDecoder {
  private var context: UnsafeMutablePointer<AVCodecContext>?
  /// Packets the decoder rejected as damaged, and FFmpeg's reason for the last one.
  private(set) var rejectedPackets = 0
  private(set) var lastRejection: String?

  /// `maxPixels` bounds every frame the decoder will allocate: FFmpeg refuses larger ones
  /// itself, so a stream whose size changes mid-way cannot get past the limit that was checked
  /// on its header.
  init(stream: UnsafeMutablePointer<AVStream>, threadCount: Int, maxPixels: Int) throws {
    let parameters = stream.pointee.codecpar!
    guard let codec = avcodec_find_decoder(parameters.pointee.codec_id) else {
      throw VideoError.decodingFailed(
        reason: "no decoder for \(String(cString: avcodec_get_name(parameters.pointee.codec_id)))"
      )
    }
    var context = avcodec_alloc_context3(codec)
    guard context != nil else { throw VideoError.decodingFailed(reason: "out of memory") }
    var status = avcodec_parameters_to_context(context, parameters)
    if status >= 0, let context {
      context.pointee.pkt_timebase = stream.pointee.time_base
      context.pointee.thread_count = Int32(max(threadCount, 1))
      context.pointee.thread_type = FF_THREAD_FRAME | FF_THREAD_SLICE
      context.pointee.max_pixels = Int64(max(maxPixels, 1))
      status = avcodec_open2(context, codec, nil)
    }
    guard status >= 0 else {
      avcodec_free_context(&context)
      throw VideoError.decodingFailed(reason: FFmpegLibrary.message(status))
    }
    self.context = context
  }

  deinit {
    avcodec_free_context(&context)
  }

  /// Feeds one packet, or `nil` to flush at the end of the stream. A packet the decoder refuses
  /// (damaged, or in a part of the codec FFmpeg does not implement) is counted and skipped, as
  /// players do, so one bad packet does not lose the whole video.
  func send(_ packet: UnsafeMutablePointer<AVPacket>?) {
    let status = avcodec_send_packet(context, packet)
    if status < 0, status != FFmpegLibrary.endOfFile { reject(status) }
  }

  /// The next decoded frame into `frame`; `false` when the decoder needs more input or is done.
  func receive(into frame: UnsafeMutablePointer<AVFrame>) -> Bool {
    let status = avcodec_receive_frame(context, frame)
    if status >= 0 { return true }
    if status != FFmpegLibrary.again && status != FFmpegLibrary.endOfFile { reject(status) }
    return false
  }

  private func reject(_ status: Int32) {
    rejectedPackets += 1
    lastRejection = FFmpegLibrary.message(status)
  }
}
