import LoupeMedia

/// `VideoQA`: the `ImageQA` score (BRISQUE, blur, noise, JPEG blockiness, exposure) of
/// frames spread over the video, combined as `0.7 · mean + 0.3 · 10th percentile` so a bad
/// stretch pulls the video down, then scaled by a frame-rate factor `0.8 + 0.2 · min(fps, 24) / 24`
/// for choppy video. `single_img` is the scan's motion measure, passed through.
public struct VideoQualityAnalyzer: Sendable {
  public let assessor: ImageQualityAssessor
  /// Frames assessed per video, spread evenly over the samples.
  public var maxAssessedFrames = 16

  public init(assessor: ImageQualityAssessor) {
    self.assessor = assessor
  }

  public func assess(frames: [PixelBuffer], motion: Double, frameRate: Double) throws -> VideoQuality {
    let chosen = VideoContentAnalyzer.evenlySpaced(frames, count: maxAssessedFrames)
    guard !chosen.isEmpty else { throw AnalysisError.invalidInput("the video has no frame with content to assess") }
    var scores: [Double] = []
    for frame in chosen {
      try Task.checkCancellation()
      scores.append(try assessor.assess(frame).score)
    }
    let mean = scores.reduce(0, +) / Double(scores.count)
    let sorted = scores.sorted()
    let low = sorted[Int((Double(sorted.count - 1) * 0.1).rounded(.down))]
    let smoothness = 0.8 + 0.2 * min(max(frameRate, 0), 24) / 24
    return VideoQuality(
      score: min(100, max(0, (0.7 * mean + 0.3 * low) * smoothness)),
      frameScores: scores,
      singleImage: min(1, max(0, motion))
    )
  }
}
