/// Caps on what `AudioDecoder` reads: the file size and the probed duration before anything is
/// decoded, and the decoded duration again while decoding, so a file whose header understates its
/// length is stopped too.
public struct AudioLimits: Sendable, Equatable {
  /// Largest file accepted, in bytes (audio is often read out of a large video file).
  public var maxBytes: Int
  /// Longest audio accepted, in seconds.
  public var maxDuration: Double

  public init(maxBytes: Int = 2 << 30, maxDuration: Double = 3 * 3600) {
    self.maxBytes = maxBytes
    self.maxDuration = maxDuration
  }

  /// 2 GiB and three hours.
  public static let `default` = AudioLimits()

  public func check(fileSize: Int) throws {
    guard fileSize <= maxBytes else { throw AudioError.tooLarge(bytes: fileSize, limit: maxBytes) }
  }

  public func check(duration: Double) throws {
    guard duration <= maxDuration else { throw AudioError.tooLong(seconds: duration, limit: maxDuration) }
  }
}
