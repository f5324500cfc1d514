import Foundation
import LoupeAnalysis
import LoupeMedia

/// Embeds texts and images for the embeddings API and for collections. Images are loaded the
/// way every image input is (the fetch guard, media roots, size limits), a few at a time, then
/// decoded at a working size and embedded in small chunks, each admitted by the analysis gate:
/// a large batch takes its turns instead of holding a slot for its whole length, and the pixels
/// of at most one chunk are alive at once.
public struct EmbeddingActions: Sendable {
  /// Inputs in one call (the embeddings API; collections insert in calls of this size).
  public static let maxInputs = 1_000
  /// Characters in one text; the encoder reads the start of longer texts only anyway.
  public static let maxTextCharacters = 8_192
  /// Images decode to at most this many pixels: the classifier reads 260², the detector less
  /// than this, and large photos then cost no more than small ones.
  static let workingPixels = 720 * 720
  static let imagesPerChunk = 8
  static let concurrentFetches = 4

  let service: any EmbeddingService
  let loader: MediaLoader
  let decoder: ImageDecoder
  let gate: AnalysisGate

  public init(service: any EmbeddingService, loader: MediaLoader, decoder: ImageDecoder, gate: AnalysisGate) {
    self.service = service
    self.loader = loader
    self.decoder = decoder
    self.gate = gate
  }

  /// Each input's vector, or why that input alone could not be embedded, in input order. Throws
  /// only for what fails the whole call: too many inputs, a busy server, an unexpected fault.
  public func embedEach(
    _ inputs: [EmbeddingInput],
    model: EmbeddingModel,
    owner: String
  ) async throws -> [Result<[Float], EmbeddingFailure>] {
    guard inputs.count <= Self.maxInputs else {
      throw ServiceError.invalidParameter("input has \(inputs.count) items; at most \(Self.maxInputs) per call")
    }
    var results = [Result<[Float], EmbeddingFailure>?](repeating: nil, count: inputs.count)
    var texts: [(index: Int, text: String)] = []
    var images: [(index: Int, source: MediaSource)] = []
    for (index, input) in inputs.enumerated() {
      switch input {
      case .text(let text):
        if let failure = Self.check(text, model: model) {
          results[index] = .failure(failure)
        } else {
          texts.append((index, text))
        }
      case .image(let source): images.append((index, source))
      }
    }
    if !texts.isEmpty {
      let strings = texts.map(\.text)
      let vectors = try await gate.run { [service] in try await service.embed(texts: strings) }
      for (item, vector) in zip(texts, vectors) { results[item.index] = .success(vector) }
    }
    for start in stride(from: 0, to: images.count, by: Self.imagesPerChunk) {
      let chunk = Array(images[start..<min(start + Self.imagesPerChunk, images.count)])
      for (index, result) in try await embed(chunk, model: model, owner: owner) { results[index] = result }
    }
    return results.map { $0! }
  }

  /// The vectors of all inputs; the first input that fails fails the call, naming its index.
  public func embed(_ inputs: [EmbeddingInput], model: EmbeddingModel, owner: String) async throws -> [[Float]] {
    try await embedEach(inputs, model: model, owner: owner).enumerated().map { index, result in
      switch result {
      case .success(let vector): return vector
      case .failure(let failure):
        switch failure {
        case .invalid(let message): throw ServiceError.invalidParameter("input[\(index)]: \(message)")
        case .unusable(let message): throw ServiceError.invalidInput("input[\(index)]: \(message)")
        }
      }
    }
  }

  /// Tokens the text encoder reads for the texts among `inputs` (images count none).
  public func tokenCount(of inputs: [EmbeddingInput]) -> Int {
    inputs.reduce(0) { total, input in
      if case .text(let text) = input { return total + service.tokenCount(of: text) }
      return total
    }
  }

  private static func check(_ text: String, model: EmbeddingModel) -> EmbeddingFailure? {
    guard model.acceptsText else { return .invalid("\(model.rawValue) embeds images only") }
    guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return .invalid("text is empty") }
    guard text.count <= maxTextCharacters else {
      return .invalid("text has \(text.count) characters; at most \(maxTextCharacters)")
    }
    return nil
  }

  private func embed(
    _ chunk: [(index: Int, source: MediaSource)],
    model: EmbeddingModel,
    owner: String
  ) async throws -> [(Int, Result<[Float], EmbeddingFailure>)] {
    // Fetch outside the gate: waiting on the network holds no analysis slot.
    var loaded: [(Int, Result<Data, EmbeddingFailure>)] = []
    try await withThrowingTaskGroup(of: (Int, Result<Data, EmbeddingFailure>).self) { group in
      var pending = chunk[...]
      func startNext() {
        guard let item = pending.popFirst() else { return }
        group.addTask { [loader] in
          do {
            return (item.index, .success(try await loader.load(item.source, appID: owner, field: "image")))
          } catch {
            return (item.index, .failure(try EmbeddingFailure(error)))
          }
        }
      }
      for _ in 0..<Self.concurrentFetches { startNext() }
      while let result = try await group.next() {
        loaded.append(result)
        startNext()
      }
    }
    return try await gate.run { [decoder, service, loaded] in
      var results: [(Int, Result<[Float], EmbeddingFailure>)] = []
      for (index, bytes) in loaded {
        do {
          let pixels = try decoder.decode(try bytes.get(), workingPixels: Self.workingPixels).pixels
          results.append((index, .success(try await service.embed(image: pixels, model: model))))
        } catch let failure as EmbeddingFailure {
          results.append((index, .failure(failure)))
        } catch {
          results.append((index, .failure(try EmbeddingFailure(error))))
        }
      }
      return results
    }
  }
}
