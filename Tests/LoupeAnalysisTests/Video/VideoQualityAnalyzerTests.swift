import Foundation
import LoupeMedia
import LoupeTestSupport
import Testing

@testable import LoupeAnalysis

/// `VideoQA` on real clips decoded by the real scanner.
@Suite(.offCooperativePool) struct VideoQualityAnalyzerTests {
  static let analyzer = Result { VideoQualityAnalyzer(assessor: try ImageQualityAssessor()) }

  private func quality(of url: URL) throws -> VideoQuality {
    var options = VideoScanOptions()
    options.sampleMaxSide = 1280
    let scan = try VideoScanner(options: options).scan(url)
    return try Self.analyzer.get().assess(
      frames: scan.samples.map(\.image),
      motion: scan.motion,
      frameRate: scan.info.frameRate
    )
  }

  @Test func aBlurredNoisyReencodeScoresLowerThanTheOriginal() throws {
    let original = try TestClips.footage().url
    let degraded = TestClips.scratchURL("footage-blurred-noisy.mp4")
    try TestClips.ffmpeg([
      "-i", original.path, "-vf", "gblur=sigma=3,noise=alls=25:allf=t", "-c:v", "libx264", "-crf", "32", "-an",
      degraded.path,
    ])
    let good = try quality(of: original)
    let bad = try quality(of: degraded)
    print("video-quality original \(good.score) degraded \(bad.score)")
    #expect((0...100).contains(good.score) && (0...100).contains(bad.score))
    #expect(bad.score < good.score - 10, "original \(good.score), degraded \(bad.score)")
    #expect(good.frameScores.count == 16)
  }

  @Test func aSlideshowOfStillsDiffersLessFrameToFrameThanFootage() throws {
    let footage = try quality(of: try TestClips.footage().url)
    let slideshow = try quality(of: try TestClips.slideshow().url)
    print("single_img footage \(footage.singleImage) slideshow \(slideshow.singleImage)")
    #expect(
      slideshow.singleImage < footage.singleImage / 4,
      "slideshow \(slideshow.singleImage), footage \(footage.singleImage)"
    )
  }

  @Test func choppyVideoLosesAFifthAtMost() throws {
    let frames = [try InstalledPhotos.photo("chelsea.png")]
    let smooth = try Self.analyzer.get().assess(frames: frames, motion: 0.5, frameRate: 30)
    let choppy = try Self.analyzer.get().assess(frames: frames, motion: 0.5, frameRate: 6)
    #expect(abs(choppy.score - smooth.score * 0.85) < 1e-9)
    #expect(throws: AnalysisError.self) { try Self.analyzer.get().assess(frames: [], motion: 0, frameRate: 30) }
  }
}
