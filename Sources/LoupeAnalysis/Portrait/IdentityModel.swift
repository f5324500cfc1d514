import LoupeMedia

/// What training keeps of a person: the mean ArcFace embedding of their photos, the aligned
/// crops with 106 landmarks of every photo that passed the check, which of them is the
/// reference face (the most frontal and most typical), and each photo's check result.
public struct IdentityModel: Sendable {
  /// L2-normalised mean of the passing photos' embeddings.
  public var meanEmbedding: [Float]
  public var faces: [AlignedFace]
  public var referenceIndex: Int
  public var photos: [PhotoState]

  public var reference: AlignedFace { faces[referenceIndex] }

  public struct PhotoState: Sendable, Equatable, Codable {
    public var url: String
    public var code: PortraitCheckCode
    public var frontal: Bool

    public init(url: String, code: PortraitCheckCode, frontal: Bool) {
      self.url = url
      self.code = code
      self.frontal = frontal
    }
  }

  public init(meanEmbedding: [Float], faces: [AlignedFace], referenceIndex: Int, photos: [PhotoState]) {
    self.meanEmbedding = meanEmbedding
    self.faces = faces
    self.referenceIndex = referenceIndex
    self.photos = photos
  }
}
