import LoupeVision

/// The labels Loupe can tag with, in both languages, and each label's embedding in the text
/// encoder's space, so that queries in any of the encoder's languages meet it: the normalised sum
/// of its English name, its Chinese name and the English prompt "a photo of a {name}" (a prompt
/// ensemble: queries are often phrased as descriptions, not bare nouns), and for ImageNet classes
/// their WordNet hypernyms (`HypernymExpansion`).
public struct ConceptVocabulary: Sendable {
  public let imageNet: LabelSet
  public let coco: LabelSet
  let imageNetEmbeddings: [[Float]]
  let cocoEmbeddings: [[Float]]
  /// "a black and white photo": the style concept of a colourless image (`ImageTagger`).
  let monochrome: [Float]

  public static func build(encoder: TextEncoder) async throws -> ConceptVocabulary {
    let imageNet = try LabelSet.imageNetWithChinese()
    let coco = try LabelSet.cocoWithChinese()
    let hypernyms = try LabelSet.imageNetHypernyms().map(HypernymExpansion.weighted)
    return ConceptVocabulary(
      imageNet: imageNet,
      coco: coco,
      imageNetEmbeddings: try await embeddings(of: imageNet, hypernyms: hypernyms, encoder: encoder),
      cocoEmbeddings: try await embeddings(of: coco, hypernyms: nil, encoder: encoder),
      monochrome: try await encoder.embed(["a black and white photo"])[0]
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

  private static func embeddings(
    of labels: LabelSet,
    hypernyms: [[(name: String, weight: Float)]]?,
    encoder: TextEncoder
  ) async throws -> [[Float]] {
    let identifiers = Array(labels.identifiers)
    let english = identifiers.map { labels.name(of: $0) ?? "" }
    let englishVectors = try await encoder.embed(english)
    let chinese = try await encoder.embed(identifiers.map { labels.name(of: $0, language: .chinese) ?? "" })
    let prompts = try await encoder.embed(english.map { "a photo of a \($0)" })
    // Each ancestor name once: many classes share "dog" or "bird".
    let ancestorNames = Array(Set((hypernyms ?? []).flatMap { $0.map(\.name) })).sorted()
    let ancestorVectors = Dictionary(
      uniqueKeysWithValues: zip(ancestorNames, try await encoder.embed(ancestorNames))
    )
    return identifiers.indices.map { row in
      let names = ConceptEmbedding.combine([(1, englishVectors[row]), (1, chinese[row]), (1, prompts[row])])
      // Ancestor weights are relative to the names' unit-length mean, as they were tuned.
      var concepts = [(weight: Float(1), vector: names ?? englishVectors[row])]
      for ancestor in hypernyms?[row] ?? [] {
        concepts.append((ancestor.weight, ancestorVectors[ancestor.name]!))
      }
      return ConceptEmbedding.combine(concepts) ?? englishVectors[row]
    }
  }
}
