import LoupeMedia
import LoupeRuntime
import LoupeVision

/// PAI's face attribute analysis: per face its box, score, shape, hair colour, age and gender,
/// ordered by detection score (highest first); and the FairFace age range of the largest face.
public struct FaceAttributeAnalyzer: Sendable {
  public let detector: any FaceDetector
  public let landmarker: FaceLandmarker106
  public let ageGender: AgeGenderEstimator
  public let shapeClassifier = FaceShapeClassifier()
  public let hairEstimator = HairColorEstimator()

  public init(detector: any FaceDetector, landmarker: FaceLandmarker106, ageGender: AgeGenderEstimator) {
    self.detector = detector
    self.landmarker = landmarker
    self.ageGender = ageGender
  }

  /// SCRFD, 2d106det and the age and gender networks from the installed models.
  public static func live(
    dependencies: DependenciesDirectory,
    options: InferenceOptions = InferenceOptions()
  )
    throws -> FaceAttributeAnalyzer
  {
    FaceAttributeAnalyzer(
      detector: SCRFDDetector(
        model: try dependencies.model(ModelCatalog.scrfd500M, options: options)
      ),
      landmarker: try FaceLandmarker106.live(dependencies: dependencies, options: options),
      ageGender: try AgeGenderEstimator.live(dependencies: dependencies, options: options)
    )
  }

  /// Every face's attributes; an empty list when there is no face (PAI's semantics).
  public func attributes(of image: PixelBuffer) async throws -> [FaceAttributes] {
    let faces = try await detect(in: image).sorted { $0.score > $1.score }
    var results: [FaceAttributes] = []
    for (index, face) in faces.enumerated() {
      results.append(try await attributes(of: face, index: index, in: image))
    }
    return results
  }

  /// The FairFace age range of the largest face.
  public func ageRange(of image: PixelBuffer) async throws -> FairFaceAgeEstimate {
    guard let face = try await detect(in: image).max(by: { $0.box.area < $1.box.area }) else {
      throw AnalysisError.invalidInput("There is not face in image")
    }
    let estimate = try await modelStep { try await ageGender.estimate(for: face, in: image) }
    let best = estimate.fairFaceRange
    return FairFaceAgeEstimate(range: best.range, probability: best.probability)
  }

  private func attributes(of face: DetectedFace, index: Int, in image: PixelBuffer) async throws -> FaceAttributes {
    let landmarks = try await modelStep { try await landmarker.landmarks(in: face.box, of: image) }
    let estimate = try await modelStep { try await ageGender.estimate(for: face, in: image) }
    guard let shape = shapeClassifier.probabilities(for: landmarks) else {
      throw AnalysisError.modelFailure("the face landmarks are degenerate")
    }
    return FaceAttributes(
      index: index,
      box: face.box,
      faceScore: face.score,
      faceShape: shape,
      hairColor: hairEstimator.probabilities(for: landmarks, in: image),
      age: Int(estimate.age.rounded()),
      gender: estimate.isMale ? .male : .female,
      genderProbability: max(estimate.maleProbability, estimate.femaleProbability)
    )
  }

  private func detect(in image: PixelBuffer) async throws -> [DetectedFace] {
    try await modelStep { try await detector.detect(in: image) }
  }

  /// Runs one model step, reporting its failure as the server's model error.
  private func modelStep<T>(_ step: () async throws -> T) async throws -> T {
    do {
      return try await step()
    } catch {
      throw AnalysisError.fault(in: "face models failed", error)
    }
  }
}
