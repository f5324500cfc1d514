/// Why a portrait could not be trained or made, in PAI's words; the server maps each to PAI's
/// status (462 bad input, 469 processing failure, 500 unknown identity).
public enum PortraitError: Error, Equatable, Sendable, CustomStringConvertible {
  /// No training photo passed the check.
  case noUsablePhoto
  case templateUndecodable
  case noFaceInTemplate
  case faceCountMismatch(faces: Int, identities: Int)

  public var description: String {
    switch self {
    case .noUsablePhoto: "Training - Not get best template image"
    case .templateUndecodable: "Template image decord error. Please Give a new template."
    case .noFaceInTemplate: "There is not face in template. Please Give a new template."
    case .faceCountMismatch: "Please confirm if the number of faces in the template corresponds to the user ID."
    }
  }
}
