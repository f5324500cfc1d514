import LoupeRuntime

/// Google's Universal Sentence Encoder, multilingual v3 (16 languages, English and Chinese among
/// them): text to a 512-d L2-normalised vector; texts of like meaning have a high cosine whatever
/// their language.
public struct TextEncoder: Sendable {
  public let dimension = 512
  public let tokenizer: SentencePieceTokenizer
  private let model: InferenceModel
  /// Texts per inference. Texts are batched shortest first, so little of a batch is padding.
  private let batchSize = 16

  public init(tokenizer: SentencePieceTokenizer, model: InferenceModel) {
    self.tokenizer = tokenizer
    self.model = model
  }

  /// The encoder on the installed tokenizer and model.
  public static func live(
    dependencies: DependenciesDirectory,
    options: InferenceOptions = InferenceOptions()
  ) throws -> TextEncoder {
    TextEncoder(
      tokenizer: try SentencePieceTokenizer(contentsOf: dependencies.url(for: ModelCatalog.textTokenizer)),
      model: try dependencies.model(ModelCatalog.textEncoder, options: options)
    )
  }

  /// One embedding per text, in order.
  public func embed(_ texts: [String]) async throws -> [[Float]] {
    let tokens = texts.map(tokenizer.encode)
    let order = tokens.indices.sorted { tokens[$0].count < tokens[$1].count }
    var embeddings = [[Float]](repeating: [], count: texts.count)
    for start in stride(from: 0, to: order.count, by: batchSize) {
      let batch = Array(order[start..<min(start + batchSize, order.count)])
      let vectors = try await run(batch.map { tokens[$0] })
      for (index, vector) in zip(batch, vectors) { embeddings[index] = vector }
    }
    return embeddings
  }

  /// The embedding of one text.
  public func embed(_ text: String) async throws -> [Float] {
    try await embed([text])[0]
  }

  /// Runs token rows padded to the longest; the model ignores positions past each row's length.
  private func run(_ rows: [[Int]]) async throws -> [[Float]] {
    let width = rows.map(\.count).max() ?? 0
    var ids = [Int64](repeating: 0, count: rows.count * width)
    for (row, tokens) in rows.enumerated() {
      for (column, id) in tokens.enumerated() { ids[row * width + column] = Int64(id) }
    }
    let inputs = [
      Tensor(shape: [rows.count, width], storage: .int64(ids)),
      Tensor(shape: [rows.count], storage: .int64(rows.map { Int64($0.count) })),
    ]
    guard let output = try await model.run(inputs).first, output.shape == [rows.count, dimension] else {
      throw RuntimeError.inputMismatch("the text encoder gave no [\(rows.count), \(dimension)] output")
    }
    let values = output.floats
    return (0..<rows.count).map { Array(values[$0 * dimension..<($0 + 1) * dimension]) }
  }
}
