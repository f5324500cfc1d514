/// Finds hard cuts in a stream of frame signatures with an adaptive threshold, after
/// PySceneDetect's AdaptiveDetector: frame i starts a new shot when its difference from frame i−1
/// is at least `minimumScore`, at least `adaptiveThreshold` times the mean difference of the
/// `window` frames on each side, and at least `minimumShotLength` frames after the last cut.
/// Comparing with the neighbours keeps steady motion (pans, crowds) from counting as cuts.
///
/// Streaming: the verdict on a frame is final once `window` more frames have arrived.
public struct ShotBoundaryDetector: Sendable {
  public struct Verdict: Sendable, Equatable {
    public var frame: Int
    public var startsShot: Bool
    /// The frame's difference from the previous one (0 for the first frame).
    public var score: Double
  }

  public let options: ShotDetectionOptions
  private var previous: FrameSignature?
  /// Scores of frames `firstScoreFrame…`; kept back to `window` frames before the next verdict.
  private var scores: [Double] = []
  private var firstScoreFrame = 0
  private var nextVerdict = 0
  private var lastCut = 0

  public init(options: ShotDetectionOptions = ShotDetectionOptions()) {
    self.options = options
  }

  /// Adds the next frame; returns the frames whose verdict became final, in order.
  public mutating func append(_ signature: FrameSignature) -> [Verdict] {
    scores.append(previous.map { signature.difference(from: $0) } ?? 0)
    previous = signature
    return verdicts(upTo: firstScoreFrame + scores.count - 1 - options.window)
  }

  /// Verdicts for the frames still waiting for look-ahead, at the end of the stream.
  public mutating func finish() -> [Verdict] {
    verdicts(upTo: firstScoreFrame + scores.count - 1)
  }

  private mutating func verdicts(upTo last: Int) -> [Verdict] {
    var result: [Verdict] = []
    while nextVerdict <= last {
      result.append(verdict(on: nextVerdict))
      nextVerdict += 1
    }
    let keepFrom = max(0, nextVerdict - options.window)
    if keepFrom > firstScoreFrame {
      scores.removeFirst(keepFrom - firstScoreFrame)
      firstScoreFrame = keepFrom
    }
    return result
  }

  private mutating func verdict(on frame: Int) -> Verdict {
    let score = scores[frame - firstScoreFrame]
    guard frame > 0 else { return Verdict(frame: 0, startsShot: true, score: 0) }
    let lastKnown = firstScoreFrame + scores.count - 1
    // Frame 0 has no difference of its own, so it is no neighbour.
    let neighbours = (max(1, frame - options.window)...min(lastKnown, frame + options.window)).filter { $0 != frame }
    let mean =
      neighbours.isEmpty ? 0 : neighbours.reduce(0) { $0 + scores[$1 - firstScoreFrame] } / Double(neighbours.count)
    let ratio = mean > 0 ? score / mean : .infinity
    let startsShot =
      score >= options.minimumScore && ratio >= options.adaptiveThreshold
      && frame - lastCut >= options.minimumShotLength
    if startsShot { lastCut = frame }
    return Verdict(frame: frame, startsShot: startsShot, score: score)
  }
}
