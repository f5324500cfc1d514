import LoupeAnalysis
import LoupeMedia

/// The seam between video jobs and the models. Jobs download and decode for real either way;
/// `LiveVideoAnalysis` runs the models on the frames, `FixedVideoAnalysis` answers without them
/// for tests of the job system and the wire format.
public protocol VideoAnalysisService: Sendable {
  func assessQuality(frames: [PixelBuffer], motion: Double, frameRate: Double) async throws -> VideoQuality
  func describe(_ evidence: ContentEvidence, language: String) async throws -> VideoContent
}

/// The real analyzers, loaded once at start-up; the tagger is shared with image analysis.
public struct LiveVideoAnalysis: VideoAnalysisService {
  let quality: VideoQualityAnalyzer
  let content: VideoContentAnalyzer

  public init(quality: VideoQualityAnalyzer, content: VideoContentAnalyzer) {
    self.quality = quality
    self.content = content
  }

  public static func load(sharing images: LiveImageAnalysis) async throws -> LiveVideoAnalysis {
    LiveVideoAnalysis(
      quality: VideoQualityAnalyzer(assessor: images.quality),
      content: try await VideoContentAnalyzer.live(tagger: images.tagger))
  }

  public func assessQuality(frames: [PixelBuffer], motion: Double, frameRate: Double) async throws -> VideoQuality {
    try await offCooperativePool { [quality] in try quality.assess(frames: frames, motion: motion, frameRate: frameRate)
    }
  }

  public func describe(_ evidence: ContentEvidence, language: String) async throws -> VideoContent {
    try await content.analyze(evidence, language: language)
  }
}
