import LoupeMedia

/// The seam between the HTTP edge and the models: runs a validated command on a decoded image.
/// `LiveImageAnalysis` runs the real models; tests of the edge alone may use a fixed value.
public protocol ImageAnalysisService: Sendable {
  func analyze(_ command: ImageCommand, image: PixelBuffer) async throws -> ImageAnalysisResult
}

/// A command's result in PAI's wire shape.
public enum ImageAnalysisResult: Encodable, Sendable, Equatable {
  case quality(QualityPayload)
  case faceAttributes(FaceAttributesPayload)
  case ageRange(AgeRangePayload)
  case tags(TagsPayload)
  case tagger(TaggerPayload)

  public func encode(to encoder: any Encoder) throws {
    switch self {
    case .quality(let payload): try payload.encode(to: encoder)
    case .faceAttributes(let payload): try payload.encode(to: encoder)
    case .ageRange(let payload): try payload.encode(to: encoder)
    case .tags(let payload): try payload.encode(to: encoder)
    case .tagger(let payload): try payload.encode(to: encoder)
    }
  }
}
