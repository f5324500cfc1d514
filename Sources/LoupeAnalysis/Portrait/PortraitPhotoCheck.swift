import LoupeMedia
import LoupeVision

/// One training photo as checked: PAI's code and `frontal`, and, when a face was found, what
/// training needs of it.
public struct PortraitPhotoCheck: Sendable {
  public var code: PortraitCheckCode
  public var frontal: Bool
  /// The photo's shorter side in pixels; 0 when it could not be decoded.
  public var shortSide: Int
  public var face: DetectedFace?
  public var pose: HeadPose?
  /// L2-normalised ArcFace embedding of the face.
  public var embedding: [Float]?

  public init(
    code: PortraitCheckCode,
    frontal: Bool = false,
    shortSide: Int = 0,
    face: DetectedFace? = nil,
    pose: HeadPose? = nil,
    embedding: [Float]? = nil
  ) {
    self.code = code
    self.frontal = frontal
    self.shortSide = shortSide
    self.face = face
    self.pose = pose
    self.embedding = embedding
  }
}
