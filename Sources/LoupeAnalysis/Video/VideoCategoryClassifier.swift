import Foundation
import LoupeVision

/// Zero-shot video classification in the text encoder's space: each category is the normalised
/// mean embedding of its Chinese and English descriptions; a video's evidence (its frames'
/// concept embedding, its title, its text) is scored by cosine against every category, the
/// evidence's cosines are averaged by weight, and a softmax at `temperature` turns them into
/// scores that sum to 1.
public struct VideoCategoryClassifier: Sendable {
  public let categories: [VideoCategory]
  let embeddings: [[Float]]
  /// Cosines between a video and the categories differ by a few hundredths to a few tenths; at
  /// 0.05 a lead of 0.1 is a factor of e² ≈ 7.4 in score.
  public var temperature: Float = 0.05

  public static func build(
    encoder: TextEncoder,
    categories: [VideoCategory] = VideoTaxonomy.categories
  )
    async throws -> VideoCategoryClassifier
  {
    var embeddings: [[Float]] = []
    for category in categories {
      let prompts = try await encoder.embed(category.prompts)
      guard let mean = ConceptEmbedding.combine(prompts.map { (weight: 1, vector: $0) }) else {
        throw AnalysisError.modelFailure("the text encoder gave no embedding for category \(category.english)")
      }
      embeddings.append(mean)
    }
    return VideoCategoryClassifier(categories: categories, embeddings: embeddings)
  }

  /// Every category with its score, best first; empty when there is no evidence.
  public func classify(_ evidence: [WeightedEmbedding]) -> [CategoryScore] {
    let usable = evidence.filter { $0.weight > 0 }
    let totalWeight = usable.reduce(0) { $0 + $1.weight }
    guard totalWeight > 0 else { return [] }
    let similarities = embeddings.map { category in
      usable.reduce(Float(0)) { $0 + $1.weight * $1.embedding.cosine(with: category) } / totalWeight
    }
    let peak = similarities.max() ?? 0
    let exponentials = similarities.map { expf(($0 - peak) / temperature) }
    let sum = exponentials.reduce(0, +)
    return zip(categories, exponentials)
      .map { CategoryScore(category: $0.0, score: $0.1 / sum) }
      .enumerated()
      .sorted { ($0.element.score, -$0.offset) > ($1.element.score, -$1.offset) }
      .map(\.element)
  }
}

/// An L2-normalised embedding and how much it counts.
public struct WeightedEmbedding: Sendable, Equatable {
  public var weight: Float
  public var embedding: [Float]

  public init(weight: Float, embedding: [Float]) {
    self.weight = weight
    self.embedding = embedding
  }
}

public struct CategoryScore: Sendable, Equatable {
  public var category: VideoCategory
  public var score: Float

  public init(category: VideoCategory, score: Float) {
    self.category = category
    self.score = score
  }
}
