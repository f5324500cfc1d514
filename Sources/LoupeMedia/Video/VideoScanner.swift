import Foundation

/// Decodes a local video once, in-process, and in that single pass samples frames, finds shots
/// and their middle frames, measures motion, counts blank frames and reads embedded text
/// subtitles.
///
/// Scanning is synchronous CPU work that keeps the decoder's threads busy: run it off Swift's
/// cooperative pool (e.g. on a dedicated thread or queue).
public struct VideoScanner: Sendable {
  public var options: VideoScanOptions

  public init(options: VideoScanOptions = VideoScanOptions()) {
    self.options = options
  }

  /// Scans the file at `url`. The limits are checked on the file size and the probed header
  /// before anything is decoded, and again on every decoded frame.
  ///
  /// - Parameters:
  ///   - progress: called with the fraction (0…1) of the duration decoded, in steps of at least
  ///     1% and once with 1 at the end.
  ///   - isCancelled: polled for every packet and frame, as is `Task.isCancelled`; either stops
  ///     the scan with `VideoError.cancelled`.
  ///   - onShot: called on the scanning thread as each shot ends, with access to its frames
  ///     (`ClosedShot`); an error it throws ends the scan.
  ///   - frames: given a sample-size frame every `options.streamInterval` seconds, in time order,
  ///     on the scanning thread, which waits for it (burned-in subtitle OCR reads them as they
  ///     come); an error it throws ends the scan.
  public func scan(
    _ url: URL,
    progress: (Double) -> Void = { _ in },
    isCancelled: () -> Bool = { false },
    onShot: ((ClosedShot) throws -> Void)? = nil,
    frames: ((VideoFrame) throws -> Void)? = nil
  ) throws -> VideoScan {
    let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int ?? 0
    try options.limits.check(fileSize: size)
    let input = try MediaInput(url: url)
    try options.limits.check(input.info, fileSize: size)
    return try withoutActuallyEscaping(progress) { progress in
      try withoutActuallyEscaping(isCancelled) { isCancelled in
        try withoutActuallyEscaping(frames ?? { _ in }) { consumer in
          try withoutActuallyEscaping(onShot ?? { _ in }) { shots in
            try ScanPass(
              input: input,
              options: options,
              progress: progress,
              isCancelled: isCancelled,
              onShot: onShot == nil ? nil : shots,
              frames: frames == nil ? nil : consumer
            ).run()
          }
        }
      }
    }
  }
}
