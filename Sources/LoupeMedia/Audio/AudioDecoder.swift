internal import CFFmpeg
import Foundation

/// Reads the audio of any local media file (an audio file, or the soundtrack of a video) as 16 kHz
/// mono float samples in [-1, 1], chunk by chunk, so hours of audio never sit in memory at once.
///
/// The best audio stream is chosen by FFmpeg (the default track, else the first decodable one),
/// decoded with FFmpeg's decoders and resampled with libswresample (channels averaged into mono).
/// Limits are checked on the header before decoding and on the decoded length while decoding.
/// One decoder serves one caller; it is not safe to share across tasks.
public final class AudioDecoder {
  /// The rate every chunk comes out at.
  public static let sampleRate = 16_000

  public let info: AudioInfo
  private let limits: AudioLimits
  private let input: OpenedDemuxer
  private let streamIndex: Int32
  private var codec: UnsafeMutablePointer<AVCodecContext>?
  private var resampler: OpaquePointer?
  private var packet: UnsafeMutablePointer<AVPacket>?
  private var frame: UnsafeMutablePointer<AVFrame>?
  private var pending: [Float] = []
  private var produced = 0
  private var finished = false

  public init(url: URL, limits: AudioLimits = .default) throws {
    self.limits = limits
    input = try OpenedDemuxer(url: url, whitelist: AudioDemuxers.whitelist, failure: AudioError.unreadable) {
      formatName,
      size in
      try limits.check(fileSize: size)
      guard AudioDemuxers.allows(formatName) else {
        throw AudioError.unreadable(reason: "\(formatName) is not a supported audio or video container")
      }
    }
    let context = input.context
    let index = av_find_best_stream(context, AVMEDIA_TYPE_AUDIO, -1, -1, nil, 0)
    guard index >= 0 else { throw AudioError.noAudioStream }
    streamIndex = index
    let stream = context.pointee.streams[Int(index)]!
    let parameters = stream.pointee.codecpar!
    guard let decoder = avcodec_find_decoder(parameters.pointee.codec_id) else {
      throw AudioError.decodingFailed(
        reason: "no decoder for \(String(cString: avcodec_get_name(parameters.pointee.codec_id)))"
      )
    }
    codec = avcodec_alloc_context3(decoder)
    packet = av_packet_alloc()
    frame = av_frame_alloc()
    guard let codec, packet != nil, frame != nil else { throw AudioError.decodingFailed(reason: "out of memory") }
    var status = avcodec_parameters_to_context(codec, parameters)
    if status >= 0 {
      codec.pointee.pkt_timebase = stream.pointee.time_base
      status = avcodec_open2(codec, decoder, nil)
    }
    guard status >= 0 else { throw AudioError.decodingFailed(reason: FFmpegLibrary.message(status)) }
    info = AudioInfo(
      duration: Self.duration(of: context, stream: stream),
      sampleRate: Int(parameters.pointee.sample_rate),
      channels: Int(parameters.pointee.ch_layout.nb_channels),
      codecName: String(cString: avcodec_get_name(parameters.pointee.codec_id)),
      formatName: input.formatName
    )
    if info.duration > 0 { try limits.check(duration: info.duration) }
  }

  deinit {
    avcodec_free_context(&codec)
    swr_free(&resampler)
    av_packet_free(&packet)
    av_frame_free(&frame)
  }

  /// Up to `maxSamples` more samples (fewer only at the end), or `nil` once everything was read.
  public func next(maxSamples: Int = 30 * sampleRate) throws -> [Float]? {
    precondition(maxSamples > 0, "a chunk holds at least one sample")
    while pending.count < maxSamples, !finished {
      try decodeMore()
    }
    guard !pending.isEmpty else { return nil }
    let count = min(maxSamples, pending.count)
    let chunk = Array(pending[..<count])
    pending.removeFirst(count)
    return chunk
  }

  /// Every sample of the file's audio at once; for clips whose length the limits keep small.
  public static func decode(url: URL, limits: AudioLimits = .default) throws -> [Float] {
    let decoder = try AudioDecoder(url: url, limits: limits)
    var samples: [Float] = []
    while let chunk = try decoder.next() { samples += chunk }
    return samples
  }

  /// Reads one packet of the audio stream (or flushes at the end) and converts what it yields.
  private func decodeMore() throws {
    let status = av_read_frame(input.context, packet)
    if status < 0 {
      guard status == FFmpegLibrary.endOfFile else {
        throw AudioError.decodingFailed(reason: FFmpegLibrary.message(status))
      }
      avcodec_send_packet(codec, nil)
      try receiveFrames()
      try convert(nil)
      finished = true
      return
    }
    defer { av_packet_unref(packet) }
    guard packet!.pointee.stream_index == streamIndex else { return }
    // A damaged packet is skipped, as players do; the decoder resynchronises on the next one.
    let sent = avcodec_send_packet(codec, packet)
    guard sent >= 0 || sent == FFmpegLibrary.again else { return }
    try receiveFrames()
  }

  private func receiveFrames() throws {
    while avcodec_receive_frame(codec, frame) >= 0 {
      defer { av_frame_unref(frame) }
      try convert(frame)
    }
  }

  /// Resamples one frame (or, with `nil`, what the resampler still holds) onto `pending`.
  private func convert(_ frame: UnsafeMutablePointer<AVFrame>?) throws {
    if let frame, resampler == nil || frame.pointee.sample_rate != lastRate || frame.pointee.format != lastFormat {
      if resampler != nil { try convert(nil) }
      swr_free(&resampler)
      resampler = loupe_swr_mono_float(frame, Int32(Self.sampleRate))
      guard resampler != nil else { throw AudioError.decodingFailed(reason: "unsupported sample format or layout") }
      lastRate = frame.pointee.sample_rate
      lastFormat = frame.pointee.format
    }
    guard let resampler else { return }
    let capacity = Int(swr_get_out_samples(resampler, frame?.pointee.nb_samples ?? 0)) + 32
    let start = pending.count
    pending.append(contentsOf: repeatElement(0, count: capacity))
    let written = pending.withUnsafeMutableBufferPointer { buffer in
      loupe_swr_convert_frame(resampler, buffer.baseAddress! + start, Int32(capacity), frame)
    }
    guard written >= 0 else { throw AudioError.decodingFailed(reason: FFmpegLibrary.message(written)) }
    pending.removeLast(capacity - Int(written))
    produced += Int(written)
    try limits.check(duration: Double(produced) / Double(Self.sampleRate))
  }

  private var lastRate: Int32 = 0
  private var lastFormat: Int32 = -1

  private static func duration(
    of context: UnsafeMutablePointer<AVFormatContext>,
    stream: UnsafeMutablePointer<AVStream>
  ) -> Double {
    if stream.pointee.duration != FFmpegLibrary.noTimestamp, stream.pointee.duration > 0 {
      return Double(stream.pointee.duration) * FFmpegLibrary.seconds(stream.pointee.time_base)
    }
    if context.pointee.duration != FFmpegLibrary.noTimestamp, context.pointee.duration > 0 {
      return Double(context.pointee.duration) / Double(AV_TIME_BASE)
    }
    return 0
  }
}
