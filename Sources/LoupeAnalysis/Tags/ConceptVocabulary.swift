import LoupeVision

/// The labels Loupe can tag with, in both languages, and each label's embedding in the text
/// encoder's space: the normalised mean of its English and Chinese names' embeddings, so that
/// queries in either language meet it.
public struct ConceptVocabulary: Sendable {
  public let imageNet: LabelSet
  public let coco: LabelSet
  let imageNetEmbeddings: [[Float]]
  let cocoEmbeddings: [[Float]]

  public static func build(encoder: TextEncoder) async throws -> ConceptVocabulary {
    let imageNet = try LabelSet.imageNetWithChinese()
    let coco = try LabelSet.cocoWithChinese()
    return ConceptVocabulary(
      imageNet: imageNet,
      coco: coco,
      imageNetEmbeddings: try await embeddings(of: imageNet, encoder: encoder),
      cocoEmbeddings: try await embeddings(of: coco, encoder: encoder)
    )
  }

  func embedding(of label: ImageLabel) -> [Float] {
    switch label {
    case .imageNet(let index): imageNetEmbeddings[index]
    case .coco(let id): cocoEmbeddings[id - coco.firstIdentifier]
    }
  }

  /// The label's name in `language`.
  public func name(of label: ImageLabel, in language: Language) -> String {
    switch label {
    case .imageNet(let index): imageNet.name(of: index, language: language) ?? ""
    case .coco(let id): coco.name(of: id, language: language) ?? ""
    }
  }

  /// The name of every label in `language`, in `ImageTagging.labelScores` order.
  public func names(in language: Language) -> [String] {
    imageNet.identifiers.map { name(of: .imageNet(classIndex: $0), in: language) }
      + coco.identifiers.map { name(of: .coco(classID: $0), in: language) }
  }

  private static func embeddings(of labels: LabelSet, encoder: TextEncoder) async throws -> [[Float]] {
    let identifiers = Array(labels.identifiers)
    let english = try await encoder.embed(identifiers.map { labels.name(of: $0) ?? "" })
    let chinese = try await encoder.embed(identifiers.map { labels.name(of: $0, language: .chinese) ?? "" })
    return zip(english, chinese).map { pair in
      ConceptEmbedding.combine([(1, pair.0), (1, pair.1)]) ?? pair.0
    }
  }
}
