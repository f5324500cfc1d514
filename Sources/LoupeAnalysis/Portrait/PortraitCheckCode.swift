/// PAI's per-photo check codes for AI-portrait training photos, with PAI's messages.
public enum PortraitCheckCode: Int, Sendable, Codable, CaseIterable {
  case success = 1
  case decodeError = 2
  case faceCount = 3
  case detectError = 4
  case encodingError = 5
  case notSamePerson = 6

  public var message: String {
    switch self {
    case .success: "success"
    case .decodeError: "Image decode error"
    case .faceCount: "Number of face is not 1"
    case .detectError: "Image detect error"
    case .encodingError: "Image encoding error"
    case .notSamePerson: "This photo is not the same person in photos"
    }
  }
}
