internal import CFFmpeg

/// A counted reference to a decoded frame's buffers, released with the last holder: lets a
/// shot's middle-frame candidates wait unconverted, so only the frame finally chosen is scaled.
final class HeldFrame {
  let frame: UnsafeMutablePointer<AVFrame>
  let index: Int
  let time: Double

  init?(referencing frame: UnsafeMutablePointer<AVFrame>, index: Int, time: Double) {
    guard let clone = av_frame_clone(frame) else { return nil }
    self.frame = clone
    self.index = index
    self.time = time
  }

  deinit {
    var frame: UnsafeMutablePointer<AVFrame>? = frame
    av_frame_free(&frame)
  }
}
