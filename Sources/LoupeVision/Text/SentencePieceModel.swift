import Foundation

/// The parts of a SentencePiece `.model` file (a serialised `ModelProto`) a unigram tokenizer
/// needs: pieces with their scores, the special ids and the normaliser's settings.
///
/// The file is read directly rather than exported at setup: it is the package's own verified
/// file, and its three messages take a page of wire-format reading, while an export would add a
/// second format and a conversion step to keep deterministic.
struct SentencePieceModel: Sendable {
  var pieces: [String] = []
  var scores: [Float] = []
  var unknownID = 0
  var beginID = 1
  var endID = 2
  var normalizer = NormalizerSettings()

  struct NormalizerSettings: Sendable {
    /// The `precompiled_charsmap`: the rule set (e.g. `nmt_nfkc`) compiled to a trie.
    var charsMap: [UInt8] = []
    var addsDummyPrefix = true
    var removesExtraWhitespaces = true
    var escapesWhitespaces = true
  }

  init(contentsOf url: URL) throws {
    try self.init(bytes: [UInt8](try Data(contentsOf: url)))
  }

  init(bytes: [UInt8]) throws {
    try ProtobufReader(bytes[...]).forEachField { field, value in
      switch (field, value.bytes) {
      case (1, let piece?): try readPiece(piece)
      case (2, let trainer?): try readTrainerSpec(trainer)
      case (3, let normalizer?): try readNormalizerSpec(normalizer)
      default: break
      }
    }
    guard !pieces.isEmpty else { throw SentencePieceError.malformedModel("no pieces") }
    for id in [unknownID, beginID, endID] where !pieces.indices.contains(id) {
      throw SentencePieceError.malformedModel("special id \(id) outside the \(pieces.count) pieces")
    }
  }

  private mutating func readPiece(_ bytes: ArraySlice<UInt8>) throws {
    var piece: String?
    var score: Float = 0
    try ProtobufReader(bytes).forEachField { field, value in
      switch field {
      case 1: piece = value.bytes.map { String(decoding: $0, as: UTF8.self) }
      case 2: score = value.float ?? 0
      default: break
      }
    }
    guard let piece, !piece.isEmpty else { throw SentencePieceError.malformedModel("piece \(pieces.count) is empty") }
    pieces.append(piece)
    scores.append(score)
  }

  private mutating func readTrainerSpec(_ bytes: ArraySlice<UInt8>) throws {
    var unigram = true
    var byteFallback = false
    try ProtobufReader(bytes).forEachField { field, value in
      switch field {
      case 3: unigram = value.integer == 1
      case 35: byteFallback = value.integer != 0
      case 40: unknownID = value.integer ?? unknownID
      case 41: beginID = value.integer ?? beginID
      case 42: endID = value.integer ?? endID
      default: break
      }
    }
    // Only what the bundled model uses is implemented; anything else must not tokenise silently wrong.
    guard unigram else { throw SentencePieceError.unsupported("model type other than unigram") }
    guard !byteFallback else { throw SentencePieceError.unsupported("byte fallback") }
  }

  private mutating func readNormalizerSpec(_ bytes: ArraySlice<UInt8>) throws {
    try ProtobufReader(bytes).forEachField { field, value in
      switch field {
      case 2: normalizer.charsMap = Array(value.bytes ?? [])
      case 3: normalizer.addsDummyPrefix = value.integer != 0
      case 4: normalizer.removesExtraWhitespaces = value.integer != 0
      case 5: normalizer.escapesWhitespaces = value.integer != 0
      default: break
      }
    }
  }
}

public enum SentencePieceError: Error, Equatable, CustomStringConvertible {
  case malformedModel(String)
  case unsupported(String)

  public var description: String {
    switch self {
    case .malformedModel(let reason): "SentencePiece model is malformed: \(reason)"
    case .unsupported(let feature): "SentencePiece model needs an unsupported feature: \(feature)"
    }
  }
}
