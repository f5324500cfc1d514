import LoupeAnalysis
import LoupeMedia
import LoupeServices
import LoupeVision

/// A deterministic `VideoAnalysisService` without models: a fixed quality, the first taxonomy
/// class, a tag counting the frames plus one tag per non-empty text (the text, its weight as the
/// score), an embedding of the input counts. For tests of the job system, decoding and the wire
/// format. With a `TextReader`, burned-in subtitles are read for real.
public struct FixedVideoAnalysis: VideoAnalysisService {
  public var ocr: TextReader?

  public init(ocr: TextReader? = nil) {
    self.ocr = ocr
  }

  public func subtitleReader() -> BurnedInSubtitleReader? {
    ocr.map { BurnedInSubtitleReader(reader: $0) }
  }

  public func assessQuality(frames: [PixelBuffer], motion: Double, frameRate: Double) async throws -> VideoQuality {
    guard !frames.isEmpty else { throw AnalysisError.invalidInput("the video has no frame with content to assess") }
    return VideoQuality(score: 50, frameScores: frames.map { _ in 50 }, singleImage: motion)
  }

  public func describe(_ evidence: ContentEvidence, language: Language) async throws -> VideoDescription {
    let category = VideoTaxonomy.categories[0]
    return VideoDescription(
      categories: [CategoryScore(category: category, score: 1)],
      tags: [NamedTag(name: "frames", score: Float(evidence.frames.count))]
        + evidence.texts.filter { !$0.text.isEmpty }.map { NamedTag(name: $0.text, score: $0.weight) },
      embedding: [Float(evidence.frames.count), Float(evidence.images.count), Float(evidence.texts.count)]
    )
  }
}
