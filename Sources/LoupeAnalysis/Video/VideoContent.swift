/// Classes, tags and embedding of a video or multimodal post.
public struct VideoContent: Sendable, Equatable {
  /// Every taxonomy class, best first; empty without evidence.
  public var categories: [CategoryScore]
  /// Tags merged over frames and images, best first, one per label.
  public var tags: [ImageTag]
  /// 512-d, L2-normalised, in the text encoder's space; `nil` when nothing gave one.
  public var embedding: [Float]?

  public init(categories: [CategoryScore], tags: [ImageTag], embedding: [Float]?) {
    self.categories = categories
    self.tags = tags
    self.embedding = embedding
  }
}
