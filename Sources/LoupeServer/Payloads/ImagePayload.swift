import Foundation
import LoupeAnalysis
import LoupeServices

/// An image action's `data` in PAI's wire shape, encoded from the typed result; scores are
/// rounded as PAI reports them.
enum ImagePayload: Encodable {
  case quality(QualityPayload)
  case faceAttributes(FaceAttributesPayload)
  case ageRange(AgeRangePayload)
  case tags(TagsPayload)
  case tagger(TaggerPayload)
  /// An edited photo: `data` is its Base64 text.
  case image(String)

  init(_ analysis: ImageAnalysis) {
    switch analysis.result {
    case .quality(let score):
      self = .quality(
        QualityPayload(iqaResult: score.rounded(to: 2), imageHeight: analysis.height, imageWidth: analysis.width)
      )
    case .faceAttributes(let faces):
      self = .faceAttributes(FaceAttributesPayload(attr: faces.map(FaceAttributesPayload.Face.init)))
    case .ageRange(let estimate):
      self = .ageRange(
        AgeRangePayload(ageRange: estimate.range.rawValue, probability: Double(estimate.probability).rounded(to: 4))
      )
    case .tags(let tags, let embedding):
      self = .tags(
        TagsPayload(
          tagResult: tags.map { TagsPayload.Tag(tag: $0.name, score: Double($0.score).rounded(to: 3)) },
          embeddingResult: embedding.map(EmbeddingText.commaSeparated),
          imageHeight: analysis.height,
          imageWidth: analysis.width
        )
      )
    case .tagger(let caption):
      self = .tagger(TaggerPayload(caption: caption.caption, probs: caption.probabilities.map { Double($0) }))
    case .image(let encoded):
      self = .image(Data(encoded).base64EncodedString())
    }
  }

  func encode(to encoder: any Encoder) throws {
    switch self {
    case .quality(let payload): try payload.encode(to: encoder)
    case .faceAttributes(let payload): try payload.encode(to: encoder)
    case .ageRange(let payload): try payload.encode(to: encoder)
    case .tags(let payload): try payload.encode(to: encoder)
    case .tagger(let payload): try payload.encode(to: encoder)
    case .image(let base64):
      var container = encoder.singleValueContainer()
      try container.encode(base64)
    }
  }
}

extension FaceAttributesPayload.Face {
  init(_ face: FaceAttributes) {
    self.init(
      index: face.index,
      bbox: face.boundingBox,
      faceScore: Double(face.faceScore).rounded(to: 4),
      age: face.age,
      gender: face.gender.rawValue,
      genderScore: Double(face.genderProbability).rounded(to: 4),
      faceShape: Dictionary(
        uniqueKeysWithValues: face.faceShape.map { ($0.key.rawValue, Double($0.value).rounded(to: 4)) }
      ),
      hairColor: face.hairColor.map { colours in
        Dictionary(uniqueKeysWithValues: colours.map { ($0.key.rawValue, Double($0.value).rounded(to: 4)) })
      }
    )
  }
}
