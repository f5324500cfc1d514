import LoupeAnalysis
import LoupeMedia
import LoupeRuntime
import LoupeVision

/// The real portrait engine: SCRFD + ArcFace for the check, 2d106det for the identity model's
/// landmarks, and a renderer (face fusion unless another is given).
public struct LivePortraitService: PortraitService {
  let checker: PortraitChecker
  let trainer: IdentityTrainer
  let creator: PortraitCreator

  public static func load(
    dependencies: DependenciesDirectory,
    options: InferenceOptions,
    renderer: any PortraitRenderer
  ) throws -> LivePortraitService {
    let checker = try PortraitChecker.live(dependencies: dependencies, options: options)
    let trainer = try IdentityTrainer.live(dependencies: dependencies, options: options)
    return LivePortraitService(
      checker: checker,
      trainer: trainer,
      creator: PortraitCreator(
        detector: checker.detector,
        embedder: checker.embedder,
        landmarker: trainer.landmarker,
        renderer: renderer
      )
    )
  }

  public func check(_ photos: [PixelBuffer?]) async throws -> [PortraitPhotoCheck] {
    await checker.check(photos)
  }

  public func train(_ photos: [TrainingPhoto]) async throws -> IdentityModel {
    try await trainer.train(photos)
  }

  public func create(
    template: PixelBuffer,
    identities: [IdentityModel],
    assignment: FaceAssignment,
    options: PortraitOptions
  ) async throws
    -> PortraitCreation
  {
    try await creator.create(template: template, identities: identities, assignment: assignment, options: options)
  }
}
