import LoupeMedia
import LoupeServices

/// A deterministic `EmbeddingService` for testing the layers above the models: a text's or an
/// image's vector is drawn from a generator seeded by a hash of its characters or pixels, so
/// equal inputs get equal vectors and different ones nearly orthogonal vectors. It knows no
/// meaning; relevance is tested against the live models.
public struct FixedEmbeddings: EmbeddingService {
  public init() {}

  public func embed(texts: [String]) async throws -> [[Float]] {
    texts.map { Self.vector(seed: Self.hash($0.utf8), dimension: EmbeddingModel.semantic.dimension) }
  }

  public func tokenCount(of text: String) -> Int {
    text.split(separator: " ").count
  }

  public func embed(image: PixelBuffer, model: EmbeddingModel) async throws -> [Float] {
    Self.vector(seed: Self.hash(image.pixels) ^ UInt64(model.dimension), dimension: model.dimension)
  }

  static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
    bytes.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
  }

  static func vector(seed: UInt64, dimension: Int) -> [Float] {
    var generator = SplitMix64(seed: seed)
    let raw = (0..<dimension).map { _ in Float(generator.nextGaussian()) }
    let norm = raw.reduce(0) { $0 + $1 * $1 }.squareRoot()
    return raw.map { $0 / norm }
  }
}
