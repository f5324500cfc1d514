/// Why a subtitle file could not be read. Every case is safe to show to a user.
public enum SubtitleError: Error, Equatable, CustomStringConvertible {
  /// Neither UTF-8 nor UTF-16 with a byte-order mark.
  case unsupportedEncoding
  case unrecognizedFormat
  /// `line` counts from 1.
  case malformed(format: SubtitleFormat, line: Int, reason: String)

  public var description: String {
    switch self {
    case .unsupportedEncoding:
      "subtitle file is not UTF-8 text (nor UTF-16 with a byte-order mark)"
    case .unrecognizedFormat:
      "unrecognised subtitle format (supported: SRT, WebVTT, ASS/SSA)"
    case .malformed(let format, let line, let reason):
      "malformed \(format.displayName) subtitles at line \(line): \(reason)"
    }
  }
}
