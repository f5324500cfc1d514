import Foundation

/// One WordNet ancestor of an ImageNet class (scripts/models/imagenet_hypernyms.py writes the
/// table from Debian's `wordnet-base`).
public struct Hypernym: Sendable, Equatable {
  /// The ancestor synset's first lemma, e.g. "monkey" for the baboon class.
  public var name: String
  /// Hypernym steps from the class: 1 for its parent.
  public var distance: Int
  /// The ancestor's shortest distance from WordNet's root ("entity" is 0), so that the vague top
  /// of the tree ("object", "whole") can be left out.
  public var depth: Int

  public init(name: String, distance: Int, depth: Int) {
    self.name = name
    self.distance = distance
    self.depth = depth
  }
}

extension LabelSet {
  /// Each ImageNet-1k class's WordNet hypernyms, nearest first, in the classifier's output order.
  public static func imageNetHypernyms() throws -> [[Hypernym]] {
    guard let url = Bundle.module.url(forResource: "imagenet_hypernyms", withExtension: "txt") else {
      throw LabelSetError.missingTable("imagenet_hypernyms")
    }
    let rows = try lines(of: url, firstSynonymOnly: false)
    return try rows.map { row in
      try row.split(separator: "|").map { entry in
        // `name:distance:depth`; names may themselves hold a colon, so split from the right.
        let fields = entry.split(separator: ":", omittingEmptySubsequences: false)
        guard fields.count >= 3, let distance = Int(fields[fields.count - 2]), let depth = Int(fields[fields.count - 1])
        else { throw LabelSetError.malformedTable("imagenet_hypernyms", line: String(entry)) }
        return Hypernym(name: fields.dropLast(2).joined(separator: ":"), distance: distance, depth: depth)
      }
    }
  }
}
