import LoupeMedia

/// What is known of a post or a video for classification: its frames (sampled, blank ones left
/// out), any still images, and texts with the weight each should carry.
public struct ContentEvidence: Sendable {
  public var frames: [PixelBuffer]
  public var images: [PixelBuffer]
  public var texts: [WeightedText]
  /// Whether the texts enter the embedding too (a multimodal post) or only the classification
  /// (a video's title).
  public var textInEmbedding: Bool

  public init(
    frames: [PixelBuffer] = [],
    images: [PixelBuffer] = [],
    texts: [WeightedText] = [],
    textInEmbedding: Bool = false
  ) {
    self.frames = frames
    self.images = images
    self.texts = texts
    self.textInEmbedding = textInEmbedding
  }
}

public struct WeightedText: Sendable, Equatable {
  public var text: String
  public var weight: Float

  public init(_ text: String, weight: Float = 1) {
    self.text = text
    self.weight = weight
  }
}
