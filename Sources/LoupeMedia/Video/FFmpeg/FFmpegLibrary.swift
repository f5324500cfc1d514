internal import CFFmpeg

/// Process-wide FFmpeg settings and error text.
enum FFmpegLibrary {
  /// FFmpeg logs every damaged packet to stderr; failures reach callers as typed errors instead.
  static let silenced: Void = av_log_set_level(AV_LOG_QUIET)

  static let again = loupe_averror_again()
  static let endOfFile = loupe_averror_eof()
  static let noTimestamp = loupe_av_nopts_value()

  /// FFmpeg's text for an error code, e.g. "Invalid data found when processing input".
  static func message(_ code: Int32) -> String {
    var buffer = [CChar](repeating: 0, count: 256)
    let text = buffer.withUnsafeMutableBufferPointer { pointer in
      av_strerror(code, pointer.baseAddress, pointer.count) < 0 ? nil : String(cString: pointer.baseAddress!)
    }
    return text ?? "error \(code)"
  }

  static func seconds(_ rational: AVRational) -> Double {
    rational.num > 0 && rational.den > 0 ? av_q2d(rational) : 0
  }
}
