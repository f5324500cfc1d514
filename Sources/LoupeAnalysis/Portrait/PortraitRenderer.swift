import LoupeMedia
import LoupeVision

/// Puts identities into a template photo. `FaceFusionRenderer` does it with Loupe's face models
/// and image processing; a generative (diffusion) backend can implement the same protocol and
/// honour `PortraitOptions.generative` too.
public protocol PortraitRenderer: Sendable {
  /// `faces[i]` of `template` takes `identities[i]`; returns the whole finished image.
  func render(
    template: PixelBuffer,
    faces: [TemplateFace],
    identities: [IdentityModel],
    options: PortraitOptions
  ) async throws -> PixelBuffer
}

/// A face of the template photo: the detector's box and five points, and its 106 landmarks.
public struct TemplateFace: Sendable, Equatable {
  public var face: DetectedFace
  public var landmarks: [Point]

  public init(face: DetectedFace, landmarks: [Point]) {
    self.face = face
    self.landmarks = landmarks
  }
}
