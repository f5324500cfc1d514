import LoupeMedia
import LoupeRuntime
import LoupeTestSupport
import LoupeVision
import Testing

@Suite(.offCooperativePool) struct ImageClassifierTests {
  @Test func f32MatchesOnnxRuntime() async throws {
    let golden = ObjectFixtures.golden.classifier.pattern
    let result = try await ObjectFixtures.classifier.get().classify(input: GoldenPattern.tensor(side: 260))
    let expected = Classification(logits: golden.logits, features: try #require(golden.features))
    #expect(GoldenPattern.maxAbsDifference(result.features, expected.features) <= 1e-4)
    #expect(GoldenPattern.maxAbsDifference(result.probabilities, expected.probabilities) <= 1e-5)
  }

  /// Swift's decoding and area resize against OpenCV's INTER_AREA on the same photo.
  @Test func preprocessingMatchesOpenCV() async throws {
    let image = try VisionFixtures.photo(ObjectFixtures.chelsea)
    let result = try await ObjectFixtures.classifier.get().classify(image)
    let expected = Classification(logits: ObjectFixtures.golden.classifier.chelsea.logits, features: [])
    #expect(result.top(5).map(\.classIndex) == expected.top(5).map(\.classIndex))
    #expect(GoldenPattern.maxAbsDifference(result.probabilities, expected.probabilities) < 0.01)
  }

  static let expectedTopClasses: [(photo: String, classes: Set<Int>)] = [
    (ObjectFixtures.chelsea, Set(281...285)),  // tabby, tiger cat, Persian, Siamese, Egyptian cat
    (ObjectFixtures.coffee, [504, 967, 968]),  // coffee mug, espresso, cup
    (ObjectFixtures.motorcycle, [665, 670]),  // moped, motor scooter
    (VisionFixtures.graceHopper, [652]),  // military uniform
  ]

  @Test(arguments: expectedTopClasses)
  func topClassIsRight(photo: String, classes: Set<Int>) async throws {
    let result = try await ObjectFixtures.classifier.get().classify(try VisionFixtures.photo(photo))
    let top = try #require(result.top(1).first)
    #expect(classes.contains(top.classIndex), "\(photo): \(result.top(3))")
  }

  @Test func rocketIsAMissileAndMessiHasTheBall() async throws {
    let classifier = try ObjectFixtures.classifier.get()
    let rocket = try await classifier.classify(try VisionFixtures.photo(ObjectFixtures.rocket))
    // missile, projectile, space shuttle
    #expect(!Set(rocket.top(3).map(\.classIndex)).isDisjoint(with: [657, 744, 812]), "\(rocket.top(3))")
    let messi = try await classifier.classify(try ObjectFixtures.messi())
    #expect(messi.top(1).first?.classIndex == 805)  // soccer ball
  }

  @Test func probabilitiesAndFeaturesHaveTheirShapes() async throws {
    let result = try await ObjectFixtures.classifier.get().classify(try VisionFixtures.photo(ObjectFixtures.coffee))
    #expect(result.probabilities.count == ImageClassifier.classCount)
    #expect(abs(result.probabilities.reduce(0, +) - 1) < 1e-4)
    #expect(result.features.count == ImageClassifier.featureDimension)
    #expect(result.top(3).map(\.probability) == result.top(3).map(\.probability).sorted(by: >))
  }

  /// Pooled features find the same picture again after a crop and a resize, and keep apart
  /// unrelated ones.
  @Test func featuresRecogniseTheSameScene() async throws {
    let classifier = try ObjectFixtures.classifier.get()
    let cat = try VisionFixtures.photo(ObjectFixtures.chelsea)
    let variant = try #require(cat.cropped(to: Rect(x: 20, y: 10, width: 400, height: 270)))
      .resized(width: 300, height: 200)
    let original = try await classifier.classify(cat).features.normalized
    let similar = try await classifier.classify(variant).features.normalized
    let coffee = try await classifier.classify(try VisionFixtures.photo(ObjectFixtures.coffee)).features
      .normalized
    let motorcycle = try await classifier.classify(try VisionFixtures.photo(ObjectFixtures.motorcycle)).features
      .normalized
    // Measured with onnxruntime: 0.95 for the variant, 0.17 and 0.26 for the others.
    #expect(original.cosine(with: similar) > 0.9)
    #expect(original.cosine(with: coffee) < 0.35)
    #expect(original.cosine(with: motorcycle) < 0.35)
  }

  @Test func bf16KeepsTheTopClass() async throws {
    let classifier = try ImageClassifier.live(
      dependencies: VisionFixtures.dependencies,
      options: InferenceOptions(precision: .bf16, threads: 2)
    )
    let image = try VisionFixtures.photo(ObjectFixtures.chelsea)
    let bf16 = try await classifier.classify(image)
    let f32 = try await ObjectFixtures.classifier.get().classify(image)
    #expect(bf16.top(1).first?.classIndex == f32.top(1).first?.classIndex)
    #expect(bf16.features.normalized.cosine(with: f32.features.normalized) > 0.99)
  }
}
