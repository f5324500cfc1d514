internal import CFFmpeg
import Foundation

/// A local file opened by FFmpeg's demuxer, for video (`MediaInput`) and audio (`AudioDecoder`).
/// The format is probed first and handed to `vet` before any demuxer runs on the file; only the
/// `file` protocol and the `whitelist`ed demuxers (which nested demuxers obey too) may open.
/// Failures come as `failure(reason)`, so each caller keeps its own error type.
final class OpenedDemuxer {
  let context: UnsafeMutablePointer<AVFormatContext>
  let formatName: String
  /// The file's size in bytes.
  let size: Int
  private var io: UnsafeMutablePointer<AVIOContext>?

  init(
    url: URL,
    whitelist: String,
    failure: (String) -> any Error,
    vet: (_ formatName: String, _ size: Int) throws -> Void
  ) throws {
    _ = FFmpegLibrary.silenced
    guard url.isFileURL else { throw failure("only local files can be read") }
    let path = url.path
    guard let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int else {
      throw failure("no such file")
    }
    guard size > 0 else { throw failure("the file is empty") }

    // The prefix keeps a ':' in the path from being read as a protocol name.
    var io: UnsafeMutablePointer<AVIOContext>?
    var status = avio_open(&io, "file:" + path, AVIO_FLAG_READ)
    guard status >= 0, let io else { throw failure(FFmpegLibrary.message(status)) }
    var closesIO = true
    defer { if closesIO { avio_close(io) } }

    // Probing ourselves (as avformat_open_input would) lets the demuxer be vetted before it runs.
    var format: UnsafePointer<AVInputFormat>?
    status = av_probe_input_buffer2(io, &format, path, nil, 0, 0)
    guard status >= 0, let format else { throw failure(FFmpegLibrary.message(status)) }
    let formatName = String(cString: format.pointee.name)
    try vet(formatName, size)

    var context: UnsafeMutablePointer<AVFormatContext>? = avformat_alloc_context()
    guard context != nil else { throw failure("out of memory") }
    context!.pointee.pb = io
    var options: OpaquePointer?
    av_dict_set(&options, "protocol_whitelist", "file", 0)
    av_dict_set(&options, "format_whitelist", whitelist, 0)
    status = avformat_open_input(&context, path, format, &options)
    av_dict_free(&options)
    // On failure avformat_open_input has freed the context, but not an I/O context it was given.
    guard status >= 0, let context else { throw failure(FFmpegLibrary.message(status)) }
    closesIO = false
    self.context = context
    self.io = io
    self.formatName = formatName
    self.size = size
    status = avformat_find_stream_info(context, nil)
    guard status >= 0 else { throw failure(FFmpegLibrary.message(status)) }
  }

  deinit {
    var context: UnsafeMutablePointer<AVFormatContext>? = context
    avformat_close_input(&context)
    avio_closep(&io)
  }
}
