import LoupeAnalysis
import LoupeMedia
import LoupeRuntime
import LoupeVision

/// The seam between video jobs and the models. Jobs download and decode for real either way;
/// `LiveVideoAnalysis` runs the models on the frames; tests of the job system and the wire
/// format may use a fixed value from the test support.
public protocol VideoAnalysisService: Sendable {
  func assessQuality(frames: [PixelBuffer], motion: Double, frameRate: Double) async throws -> VideoQuality
  func describe(_ evidence: ContentEvidence, language: Language) async throws -> VideoDescription
  /// A fresh reader of one video's burned-in subtitles, or `nil` when OCR is not loaded.
  func subtitleReader() -> BurnedInSubtitleReader?
}

extension VideoAnalysisService {
  public func subtitleReader() -> BurnedInSubtitleReader? { nil }
}

/// Classes, tags and embedding of a video or multimodal post, named for people in one language.
public struct VideoDescription: Sendable, Equatable {
  /// Every taxonomy class, best first; empty without evidence.
  public var categories: [CategoryScore]
  /// Tags merged over frames and images, best first, one per name.
  public var tags: [NamedTag]
  /// 512-d, L2-normalised, in the text encoder's space; `nil` when nothing gave one.
  public var embedding: [Float]?

  public init(categories: [CategoryScore], tags: [NamedTag], embedding: [Float]?) {
    self.categories = categories
    self.tags = tags
    self.embedding = embedding
  }
}

/// The real analyzers, loaded once at start-up; the tagger is shared with image analysis.
public struct LiveVideoAnalysis: VideoAnalysisService {
  let quality: VideoQualityAnalyzer
  let content: VideoContentAnalyzer
  /// Reads burned-in subtitles (no orientation check: subtitles are upright).
  let ocr: TextReader?

  public init(quality: VideoQualityAnalyzer, content: VideoContentAnalyzer, ocr: TextReader? = nil) {
    self.quality = quality
    self.content = content
    self.ocr = ocr
  }

  /// With `dependencies`, burned-in subtitles are read too (PP-OCRv6); without, they are not.
  public static func load(
    sharing images: LiveImageAnalysis,
    dependencies: DependenciesDirectory? = nil,
    options: InferenceOptions = InferenceOptions()
  ) async throws -> LiveVideoAnalysis {
    LiveVideoAnalysis(
      quality: VideoQualityAnalyzer(assessor: images.quality),
      content: try await VideoContentAnalyzer.live(tagger: images.tagger),
      ocr: try dependencies.map { try TextReader.live(dependencies: $0, inference: options, checksOrientation: false) }
    )
  }

  public func subtitleReader() -> BurnedInSubtitleReader? {
    ocr.map { BurnedInSubtitleReader(reader: $0) }
  }

  public func assessQuality(frames: [PixelBuffer], motion: Double, frameRate: Double) async throws -> VideoQuality {
    try await offCooperativePool { [quality] in
      try quality.assess(frames: frames, motion: motion, frameRate: frameRate)
    }
  }

  public func describe(_ evidence: ContentEvidence, language: Language) async throws -> VideoDescription {
    let content = try await content.analyze(evidence)
    return VideoDescription(
      categories: content.categories,
      tags: self.content.tagger.named(content.tags, in: language),
      embedding: content.embedding
    )
  }
}
