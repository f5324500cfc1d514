import Foundation
import LoupeJobs
import LoupeMedia

extension VideoScanner {
  /// Scans `file` on a thread of its own, off the cooperative pool, while this task relays its
  /// progress to the job record; cancelling the job stops the decoder at the next packet.
  /// `onShot` and `frames` run on the scanning thread (`scan(_:progress:isCancelled:onShot:frames:)`).
  func scan(
    _ file: URL,
    reportingTo context: JobContext,
    onShot: (@Sendable (ClosedShot) throws -> Void)? = nil,
    frames: (@Sendable (VideoFrame) throws -> Void)? = nil
  ) async throws -> VideoScan {
    let signals = ScanSignals()
    return try await withThrowingTaskGroup(of: VideoScan?.self) { group in
      group.addTask {
        try await withTaskCancellationHandler {
          try await offCooperativePool {
            try self.scan(
              file,
              progress: signals.report,
              isCancelled: { signals.isCancelled },
              onShot: onShot,
              frames: frames
            )
          }
        } onCancel: {
          signals.cancel()
        }
      }
      group.addTask {
        while true {
          try await Task.sleep(for: .milliseconds(500))
          try await context.progress(signals.progress)
        }
      }
      defer { group.cancelAll() }
      while let finished = try await group.next() {
        if let scan = finished { return scan }
      }
      throw CancellationError()
    }
  }
}
