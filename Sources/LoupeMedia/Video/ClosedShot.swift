/// A shot as the scan closes it, handed to `VideoScanner.scan`'s `onShot` while the shot's
/// sampled frames are still held: the caller picks the frames it wants (one per clip of a long
/// shot, say) and keeps only those, so nothing grows with the number of shots.
///
/// Valid only during the call it is passed to.
public struct ClosedShot {
  public let shot: Shot
  let frameNearest: (Double) throws -> VideoFrame?

  init(shot: Shot, frameNearest: @escaping (Double) throws -> VideoFrame?) {
    self.shot = shot
    self.frameNearest = frameNearest
  }

  /// The shot's non-blank frame nearest `time` among the `VideoScanOptions.shotFrameCapacity`
  /// frames spread over the shot, as RGB at the scan's sample size; `nil` when every frame of the
  /// shot is blank.
  public func frame(nearest time: Double) throws -> VideoFrame? {
    try frameNearest(time)
  }
}
