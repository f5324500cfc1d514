import Foundation

/// What the classifier sees in an image: a probability per ImageNet class and the pooled visual
/// features behind them.
public struct Classification: Sendable, Equatable {
  /// Softmax over the 1000 ImageNet-1k classes, indexed like `LabelSet.imageNet()`.
  public var probabilities: [Float]
  /// The 1280-d globally pooled head activations, as the model gives them. Compare images by the
  /// cosine of the L2-normalised vectors (`features.normalized`).
  public var features: [Float]

  public init(probabilities: [Float], features: [Float]) {
    self.probabilities = probabilities
    self.features = features
  }

  /// Creates a classification from raw logits.
  public init(logits: [Float], features: [Float]) {
    let largest = logits.max() ?? 0
    let exponentials = logits.map { exp($0 - largest) }
    let total = exponentials.reduce(0, +)
    self.init(probabilities: exponentials.map { $0 / total }, features: features)
  }

  /// The `count` most probable classes, most probable first.
  public func top(_ count: Int) -> [ClassScore] {
    probabilities.indices.sorted { probabilities[$0] > probabilities[$1] }.prefix(count).map {
      ClassScore(classIndex: $0, probability: probabilities[$0])
    }
  }
}

public struct ClassScore: Sendable, Equatable, Codable {
  public var classIndex: Int
  public var probability: Float

  public init(classIndex: Int, probability: Float) {
    self.classIndex = classIndex
    self.probability = probability
  }
}
