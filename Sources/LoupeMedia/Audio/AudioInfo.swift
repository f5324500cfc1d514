/// What the container says about the audio stream a decoder reads.
public struct AudioInfo: Sendable, Equatable {
  /// Seconds, from the container or the stream; 0 when neither states it.
  public var duration: Double
  /// The stream's own sample rate and channel count, before conversion to 16 kHz mono.
  public var sampleRate: Int
  public var channels: Int
  public var codecName: String
  public var formatName: String
}
