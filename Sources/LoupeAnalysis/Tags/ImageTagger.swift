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
    classifier: ImageClassifier, detector: ObjectDetector, vocabulary: ConceptVocabulary, encoder: TextEncoder
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
      encoder: encoder)
  }

  public func tag(_ image: PixelBuffer, language: String = LabelSet.chinese) async throws -> ImageTagging {
    let classification: Classification
    let objects: [DetectedObject]
    do {
      async let classified = classifier.classify(image)
      async let detected = detector.detect(in: image)
      (classification, objects) = try await (classified, detected)
    } catch {
      throw AnalysisError.modelFailure("tagging models failed: \(error)")
    }

    var bestObject: [Int: Float] = [:]
    for object in objects { bestObject[object.classID] = max(bestObject[object.classID] ?? 0, object.score) }
    let classes = classification.top(conceptCount).map {
      ImageTag(source: .imageNet(classIndex: $0.classIndex), name: "", score: $0.probability)
    }
    let detections = bestObject.map { ImageTag(source: .coco(classID: $0.key), name: "", score: $0.value) }

    let concepts = (classes + detections).map { (weight: $0.score, vector: vocabulary.embedding(of: $0.source)) }
    var tags: [ImageTag] = []
    for var tag in (classes + detections).sorted(by: { $0.score > $1.score }) {
      tag.name = vocabulary.name(of: tag.source, language: language)
      if !tags.contains(where: { $0.name == tag.name }) { tags.append(tag) }
    }
    let cocoScores = vocabulary.coco.identifiers.map { bestObject[$0] ?? 0 }
    return ImageTagging(
      tags: tags, embedding: ConceptEmbedding.combine(concepts), labelScores: classification.probabilities + cocoScores)
  }

  /// The name of every label, in `labelScores` order.
  public func labelNames(language: String) -> [String] {
    vocabulary.imageNet.identifiers.map { vocabulary.imageNet.name(of: $0, language: language) ?? "" }
      + vocabulary.coco.identifiers.map { vocabulary.coco.name(of: $0, language: language) ?? "" }
  }
}
