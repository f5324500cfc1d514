/// A decoded frame kept by a scan, converted to RGB and scaled down.
public struct VideoFrame: Sendable, Equatable {
  /// Position in presentation order, counting from 0.
  public var index: Int
  /// Presentation time in seconds from the start of the video stream.
  public var time: Double
  public var image: PixelBuffer

  public init(index: Int, time: Double, image: PixelBuffer) {
    self.index = index
    self.time = time
    self.image = image
  }
}
