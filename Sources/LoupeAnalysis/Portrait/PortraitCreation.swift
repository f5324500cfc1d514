import LoupeMedia

/// A finished portrait and, per template face (left to right), the ArcFace cosine between the
/// face in the result and its identity's mean embedding.
public struct PortraitCreation: Sendable {
  public var image: PixelBuffer
  public var similarities: [Float]

  public init(image: PixelBuffer, similarities: [Float]) {
    self.image = image
    self.similarities = similarities
  }
}
