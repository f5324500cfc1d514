import LoupeAnalysis
import LoupeMedia

/// The seam between the AI-portrait application and the models: `LivePortraitService` runs the
/// face models and the face-fusion renderer; a fixed value may stand in for tests of the layers
/// above.
public protocol PortraitService: Sendable {
  /// Checks training photos; `nil` stands for one that could not be downloaded or decoded.
  func check(_ photos: [PixelBuffer?]) async throws -> [PortraitPhotoCheck]
  /// The identity of the person in the checked photos.
  func train(_ photos: [TrainingPhoto]) async throws -> IdentityModel
  /// Puts `identities` into the template's faces as `assignment` says, left to right.
  func create(
    template: PixelBuffer,
    identities: [IdentityModel],
    assignment: FaceAssignment,
    options: PortraitOptions
  ) async throws
    -> PortraitCreation
}
