internal import CFFmpeg
import Foundation

/// A local file opened by FFmpeg's demuxer for its audio: the demuxer is probed and vetted
/// (`AudioDemuxers`) before it runs, and only the `file` protocol is allowed.
final class DemuxedFile {
  let context: UnsafeMutablePointer<AVFormatContext>
  let formatName: String
  private var io: UnsafeMutablePointer<AVIOContext>?

  init(url: URL, limits: AudioLimits) throws {
    _ = FFmpegLibrary.silenced
    guard url.isFileURL else { throw AudioError.unreadable(reason: "only local files can be read") }
    let path = url.path
    guard let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int else {
      throw AudioError.unreadable(reason: "no such file")
    }
    guard size > 0 else { throw AudioError.unreadable(reason: "the file is empty") }
    try limits.check(fileSize: size)

    // The prefix keeps a ':' in the path from being read as a protocol name.
    var io: UnsafeMutablePointer<AVIOContext>?
    var status = avio_open(&io, "file:" + path, AVIO_FLAG_READ)
    guard status >= 0, let io else { throw AudioError.unreadable(reason: FFmpegLibrary.message(status)) }
    var closesIO = true
    defer { if closesIO { avio_close(io) } }

    var format: UnsafePointer<AVInputFormat>?
    status = av_probe_input_buffer2(io, &format, path, nil, 0, 0)
    guard status >= 0, let format else { throw AudioError.unreadable(reason: FFmpegLibrary.message(status)) }
    let formatName = String(cString: format.pointee.name)
    guard AudioDemuxers.allows(formatName) else {
      throw AudioError.unreadable(reason: "\(formatName) is not a supported audio or video container")
    }

    var context: UnsafeMutablePointer<AVFormatContext>? = avformat_alloc_context()
    guard context != nil else { throw AudioError.unreadable(reason: "out of memory") }
    context!.pointee.pb = io
    var options: OpaquePointer?
    av_dict_set(&options, "protocol_whitelist", "file", 0)
    av_dict_set(&options, "format_whitelist", AudioDemuxers.whitelist, 0)
    status = avformat_open_input(&context, path, format, &options)
    av_dict_free(&options)
    // On failure avformat_open_input has freed the context, but not an I/O context it was given.
    guard status >= 0, let context else { throw AudioError.unreadable(reason: FFmpegLibrary.message(status)) }
    closesIO = false
    self.context = context
    self.io = io
    self.formatName = formatName
    status = avformat_find_stream_info(context, nil)
    guard status >= 0 else { throw AudioError.unreadable(reason: FFmpegLibrary.message(status)) }
  }

  deinit {
    var context: UnsafeMutablePointer<AVFormatContext>? = context
    avformat_close_input(&context)
    avio_closep(&io)
  }
}
