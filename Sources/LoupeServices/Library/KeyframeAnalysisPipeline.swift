import LoupeAnalysis
import LoupeMedia
import Synchronization

/// Analyses a scan's keyframes while the scan goes on: decoding leaves part of the machine idle
/// (about 1.3 of 2 cores at 720p here), and the models fill it, so an ingest no longer waits for
/// the whole decode before its first keyframe is read (`loupe bench ingest` measures it).
///
/// Memory stays bounded whatever the video's length: at most `capacity` keyframes wait in
/// memory. `offer` from the scanning thread never blocks; a keyframe offered while the window is
/// full is declined and the ingest analyses it after the scan from its thumbnail.
final class KeyframeAnalysisPipeline: Sendable {
  private let analysis: any ClipAnalysisService
  private let capacity: Int
  private let waiting = Mutex(0)
  private let input: AsyncStream<(index: Int, keyframe: PixelBuffer)>
  private let continuation: AsyncStream<(index: Int, keyframe: PixelBuffer)>.Continuation

  init(analysis: any ClipAnalysisService, capacity: Int = 16) {
    self.analysis = analysis
    self.capacity = capacity
    (input, continuation) = AsyncStream.makeStream(bufferingPolicy: .unbounded)
  }

  /// Takes the keyframe of clip `index` if the window has room; `false` leaves it to the caller.
  func offer(_ keyframe: PixelBuffer, index: Int) -> Bool {
    let admitted = waiting.withLock { count in
      guard count < capacity else { return false }
      count += 1
      return true
    }
    if admitted { continuation.yield((index, keyframe)) }
    return admitted
  }

  /// No more keyframes: `results()` returns once the offered ones are analysed.
  func finish() {
    continuation.finish()
  }

  /// Analyses the offered keyframes in order until `finish()`, by clip index. Run it beside the
  /// scan; its task's cancellation ends it early.
  func results() async throws -> [Int: ClipAnalysis] {
    var results: [Int: ClipAnalysis] = [:]
    for await (index, keyframe) in input {
      try Task.checkCancellation()
      results[index] = try await analysis.analyze(keyframe: keyframe)
      waiting.withLock { $0 -= 1 }
    }
    // A cancelled task's stream ends early: what it returns then would be partial.
    try Task.checkCancellation()
    return results
  }
}
