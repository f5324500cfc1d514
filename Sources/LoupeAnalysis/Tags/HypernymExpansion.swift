import LoupeVision

/// Moves each ImageNet class's embedding towards its WordNet ancestors, so that a query for the
/// general word meets the specific class: "a monkey face" reaches the baboon class through
/// "Old World monkey" and "monkey", "snowy mountains" reaches "alp" through "mountain".
///
/// Weights were chosen on the tuning half of Tests/LoupeAnalysisTests/Fixtures/semantic_gallery.json
/// (docs/models.md, "Semantic search"): heavier or deeper expansion blurred classes into each other.
enum HypernymExpansion {
  /// The parent's weight, relative to the class's own names (which weigh 1 each).
  static let parentWeight: Float = 0.3
  /// Each further step up the tree keeps this share of the step below's weight.
  static let decay: Float = 0.5
  /// Ancestors more than this many steps up are left out.
  static let maximumDistance = 3
  /// Ancestors nearer the root than this ("object", "whole", "living thing") say too little.
  static let minimumDepth = 4

  /// The ancestors that enter a class's embedding, with their weights.
  static func weighted(_ hypernyms: [Hypernym]) -> [(name: String, weight: Float)] {
    hypernyms.filter { $0.distance <= maximumDistance && $0.depth >= minimumDepth }.map { hypernym in
      var weight = parentWeight
      for _ in 1..<hypernym.distance { weight *= decay }
      return (hypernym.name, weight)
    }
  }
}
