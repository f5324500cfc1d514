import LoupeMedia
import LoupeRuntime
import LoupeVision

/// Multi-label tagging: ImageNet classes from the classifier's softmax and COCO objects from the
/// detector (each id's best box), merged by score; plus the ConSE embedding of the image.
public struct ImageTagger: Sendable {
  public let classifier: ImageClassifier
  public let detector: ObjectDetector
  public let vocabulary: ConceptVocabulary
  public let encoder: TextEncoder
  /// How many of the classifier's top classes enter the embedding (models.md: T≈10).
  public var conceptCount = 10

  public init(
    classifier: ImageClassifier,
    detector: ObjectDetector,
    vocabulary: ConceptVocabulary,
    encoder: TextEncoder
  ) {
    self.classifier = classifier
    self.detector = detector
    self.vocabulary = vocabulary
    self.encoder = encoder
  }

  public static func live(dependencies: DependenciesDirectory, options: InferenceOptions) async throws -> ImageTagger {
    let encoder = try TextEncoder.live(dependencies: dependencies, options: options)
    return ImageTagger(
      classifier: try ImageClassifier.live(dependencies: dependencies, options: options),
      detector: try ObjectDetector.live(dependencies: dependencies, options: options),
      vocabulary: try await ConceptVocabulary.build(encoder: encoder),
      encoder: encoder
    )
  }

  public func tag(_ image: PixelBuffer) async throws -> ImageTagging {
    let classification: Classification
    let objects: [DetectedObject]
    do {
      async let classified = classifier.classify(image)
      async let detected = detector.detect(in: image)
      (classification, objects) = try await (classified, detected)
    } catch {
      throw AnalysisError.fault(in: "tagging models failed", error)
    }

    var bestObject: [Int: Float] = [:]
    for object in objects { bestObject[object.classID] = max(bestObject[object.classID] ?? 0, object.score) }
    let classes = classification.top(conceptCount).map {
      ImageTag(label: .imageNet(classIndex: $0.classIndex), score: $0.probability)
    }
    let detections = bestObject.map { ImageTag(label: .coco(classID: $0.key), score: $0.value) }
    let tags = (classes + detections).sorted { ($0.score, Self.order($0.label)) > ($1.score, Self.order($1.label)) }
    let concepts = tags.map { (weight: $0.score, vector: vocabulary.embedding(of: $0.label)) }
    let cocoScores = vocabulary.coco.identifiers.map { bestObject[$0] ?? 0 }
    return ImageTagging(
      tags: tags,
      embedding: ConceptEmbedding.combine(concepts),
      labelScores: classification.probabilities + cocoScores
    )
  }

  /// `tags` named in `language`, in their order; where two labels share a name there (the
  /// classifier's "cup" and the detector's), the first, better one stands for both.
  public func named(_ tags: [ImageTag], in language: Language) -> [NamedTag] {
    var seen: Set<String> = []
    return tags.compactMap { tag in
      let name = vocabulary.name(of: tag.label, in: language)
      return seen.insert(name).inserted ? NamedTag(name: name, score: tag.score) : nil
    }
  }

  /// PAI's `tagger` answer for `tagging`: the names of the labels scoring at least `threshold`.
  public func caption(of tagging: ImageTagging, threshold: Double, in language: Language) -> TaggerCaption {
    let names = vocabulary.names(in: language)
    let above = zip(names, tagging.labelScores)
      .filter { Double($0.1) >= threshold }
      .sorted { $0.1 > $1.1 }
      .map(\.0)
    var unique: [String] = []
    for name in above where !unique.contains(name) { unique.append(name) }
    return TaggerCaption(caption: unique.joined(separator: ", "), probabilities: tagging.labelScores)
  }

  /// Ties in score keep classifier classes before detector objects, each in model order, so
  /// results do not depend on dictionary order.
  private static func order(_ label: ImageLabel) -> Int {
    switch label {
    case .imageNet(let index): -index
    case .coco(let id): -10_000 - id
    }
  }
}
