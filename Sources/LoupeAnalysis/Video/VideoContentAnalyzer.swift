import LoupeMedia
import LoupeVision

/// `ClassifyLabelVideo` and `MultiModalClassify`: tags every chosen frame and image with the
/// image tagger, merges the tags, averages the frames' concept embeddings, and classifies the
/// result together with the texts against the short-video taxonomy.
///
/// A tag's video score is the mean of its mean and its peak over the tagged pictures: something
/// in every shot ranks high, and so does something shown clearly in one.
public struct VideoContentAnalyzer: Sendable {
  public let tagger: ImageTagger
  public let classifier: VideoCategoryClassifier
  /// Frames tagged per video, spread evenly over the samples; beyond a few dozen, more frames
  /// change the merged tags little and cost a classifier and a detector pass each.
  public var maxTaggedFrames = 16

  public init(tagger: ImageTagger, classifier: VideoCategoryClassifier) {
    self.tagger = tagger
    self.classifier = classifier
  }

  public static func live(tagger: ImageTagger) async throws -> VideoContentAnalyzer {
    VideoContentAnalyzer(tagger: tagger, classifier: try await VideoCategoryClassifier.build(encoder: tagger.encoder))
  }

  public func analyze(_ evidence: ContentEvidence) async throws -> VideoContent {
    let pictures = Self.evenlySpaced(evidence.frames, count: maxTaggedFrames) + evidence.images
    var taggings: [ImageTagging] = []
    for picture in pictures {
      try Task.checkCancellation()
      taggings.append(try await tagger.tag(picture))
    }
    let visual = ConceptEmbedding.combine(taggings.compactMap { $0.embedding.map { (weight: 1, vector: $0) } })

    let texts = evidence.texts.filter { !$0.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    let textEmbeddings = try await tagger.encoder.embed(texts.map(\.text))
    let textEvidence = zip(texts, textEmbeddings).map { WeightedEmbedding(weight: $0.0.weight, embedding: $0.1) }
    let visualEvidence = visual.map { [WeightedEmbedding(weight: 1, embedding: $0)] } ?? []

    var embedding = visual
    if evidence.textInEmbedding && !textEvidence.isEmpty {
      embedding = ConceptEmbedding.combine(
        (visualEvidence + textEvidence).map { (weight: $0.weight, vector: $0.embedding) }
      )
    }
    return VideoContent(
      categories: classifier.classify(visualEvidence + textEvidence),
      tags: Self.merge(taggings),
      embedding: embedding
    )
  }

  /// Merges by label, never by name: two labels that one language happens to name alike stay
  /// two until they are shown.
  static func merge(_ taggings: [ImageTagging]) -> [ImageTag] {
    guard !taggings.isEmpty else { return [] }
    var totals: [ImageLabel: (sum: Float, peak: Float, first: Int)] = [:]
    var order = 0
    for tagging in taggings {
      for tag in tagging.tags {
        let previous = totals[tag.label] ?? (0, 0, order)
        totals[tag.label] = (previous.sum + tag.score, max(previous.peak, tag.score), previous.first)
        order += 1
      }
    }
    let count = Float(taggings.count)
    return totals.map { label, total in
      (ImageTag(label: label, score: (total.sum / count + total.peak) / 2), total.first)
    }
    .sorted { ($0.0.score, -$0.1) > ($1.0.score, -$1.1) }
    .map(\.0)
  }

  /// At most `count` elements, spread evenly from first to last.
  static func evenlySpaced<Element>(_ elements: [Element], count: Int) -> [Element] {
    guard elements.count > count, count > 0 else { return elements }
    guard count > 1 else { return [elements[elements.count / 2]] }
    return (0..<count).map { elements[$0 * (elements.count - 1) / (count - 1)] }
  }
}
