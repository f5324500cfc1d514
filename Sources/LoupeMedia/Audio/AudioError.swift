/// Why an audio track could not be read. Every case is safe to show to a user.
public enum AudioError: Error, Equatable, CustomStringConvertible {
  /// FFmpeg cannot open or parse the file: not a media file, an unsupported container, or corrupt.
  case unreadable(reason: String)
  /// The file is a media container without a decodable audio stream.
  case noAudioStream
  case tooLarge(bytes: Int, limit: Int)
  case tooLong(seconds: Double, limit: Double)
  case decodingFailed(reason: String)

  public var description: String {
    switch self {
    case .unreadable(let reason):
      "cannot read the file as audio: \(reason)"
    case .noAudioStream:
      "the file has no audio stream"
    case .tooLarge(let bytes, let limit):
      "media file is \(bytes) bytes, more than the limit of \(limit)"
    case .tooLong(let seconds, let limit):
      "audio lasts \(Int(seconds.rounded())) s, more than the limit of \(Int(limit.rounded())) s"
    case .decodingFailed(let reason):
      "audio decoding failed: \(reason)"
    }
  }
}
