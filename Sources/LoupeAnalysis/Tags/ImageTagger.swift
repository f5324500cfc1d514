import LoupeMedia
import LoupeRuntime
import LoupeVision

/// Multi-label tagging: ImageNet classes from the classifier's softmax and COCO objects from the
/// detector (each id's best box), merged by score; plus the ConSE embedding of the image.
///
/// The embedding's weights were tuned on the tuning half of
/// Tests/LoupeAnalysisTests/Fixtures/semantic_gallery.json and are checked on its validation half
/// (docs/models.md, "Semantic search").
public struct ImageTagger: Sendable {
  public let classifier: ImageClassifier
  public let detector: ObjectDetector
  public let vocabulary: ConceptVocabulary
  public let encoder: TextEncoder
  /// How many of the classifier's top classes enter the embedding (models.md: T≈10).
  public var conceptCount = 10
  /// The weight of the classifier's view of the image's middle (half its width and height)
  /// against the whole image's 1: the whole image, squeezed to 260 × 260, often shows the subject
  /// too small for the classifier to name.
  static let centreViewWeight: Float = 0.5
  /// Detector scores count half a classifier probability: a detection's score is a confidence
  /// near 1 where a class probability is spread over similar classes, so at full weight one
  /// "person" box outweighs everything the classifier saw.
  static let detectionWeight: Float = 0.5
  /// The weight of "a black and white photo" in the embedding of a colourless image.
  static let monochromeWeight: Float = 0.3

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

  /// Tags `image` and, with `withEmbedding` (the default), places it in the semantic space. The
  /// embedding costs a second classifier run (the image's centre), which tags alone do not need.
  public func tag(_ image: PixelBuffer, withEmbedding: Bool = true) async throws -> ImageTagging {
    let classification: Classification
    let centre: Classification?
    let objects: [DetectedObject]
    do {
      async let classified = classifier.classify(image)
      async let centreClassified = withEmbedding ? classifier.classify(Self.centre(of: image)) : nil
      async let detected = detector.detect(in: image)
      (classification, centre, objects) = try await (classified, centreClassified, detected)
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
    let cocoScores = vocabulary.coco.identifiers.map { bestObject[$0] ?? 0 }
    return ImageTagging(
      tags: tags,
      embedding: centre.flatMap {
        embedding(
          classification: classification,
          centre: $0,
          objects: bestObject,
          monochrome: Colourfulness.isMonochrome(image)
        )
      },
      labelScores: classification.probabilities + cocoScores,
      objects: objects,
      classification: classification
    )
  }

  /// ConSE over the classes of the whole image and its centre (probabilities blended, then the
  /// top `conceptCount`), the detected objects at `detectionWeight` and, for a colourless image,
  /// the black-and-white style concept. The tags stay the whole image's.
  func embedding(
    classification: Classification,
    centre: Classification,
    objects: [Int: Float],
    monochrome: Bool
  ) -> [Float]? {
    let total = 1 + Self.centreViewWeight
    let blended = Classification(
      probabilities: zip(classification.probabilities, centre.probabilities).map {
        ($0 + Self.centreViewWeight * $1) / total
      },
      features: []
    )
    var concepts = blended.top(conceptCount).map {
      (weight: $0.probability, vector: vocabulary.embedding(of: .imageNet(classIndex: $0.classIndex)))
    }
    for (id, score) in objects.sorted(by: { $0.key < $1.key }) {
      concepts.append((Self.detectionWeight * score, vocabulary.embedding(of: .coco(classID: id))))
    }
    if monochrome { concepts.append((Self.monochromeWeight, vocabulary.monochrome)) }
    return ConceptEmbedding.combine(concepts)
  }

  /// The middle of `image`: half its width and height.
  static func centre(of image: PixelBuffer) -> PixelBuffer {
    let width = Float(image.width), height = Float(image.height)
    let rect = Rect(x: (width / 4).rounded(.down), y: (height / 4).rounded(.down), width: width / 2, height: height / 2)
    return image.cropped(to: rect) ?? image
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
