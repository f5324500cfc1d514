/// The vector spaces Loupe embeds into, by the names clients use.
public enum EmbeddingModel: String, Sendable, CaseIterable, Codable {
  /// The text encoder's 512-d space: texts directly, images ConSE-style (the classifier's and
  /// detector's labels, embedded and weighted by score), so a text ranks images by meaning.
  case semantic = "loupe-semantic"
  /// The classifier's 1280-d pooled features, mirrored and plain averaged: image ↔ image
  /// similarity that survives crops, rescaling, recompression, brightness changes and flips.
  /// Images only.
  case visual = "loupe-visual"

  public var dimension: Int {
    switch self {
    case .semantic: 512
    case .visual: 1280
    }
  }

  public var acceptsText: Bool { self == .semantic }
}
