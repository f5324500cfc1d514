/// SentencePiece's normaliser (`Normalizer::Normalize`): the charsmap's rules (e.g. `nmt_nfkc`),
/// leading, trailing and repeated whitespace removed, a space added in front, and every space
/// written as `▁` (U+2581) so that pieces carry their word boundaries.
struct SentencePieceNormalizer: Sendable {
  private static let space = UInt8(ascii: " ")
  private let charsMap: PrecompiledCharsMap
  private let settings: SentencePieceModel.NormalizerSettings
  private let spaceSymbol: [UInt8]

  init(_ settings: SentencePieceModel.NormalizerSettings) throws {
    self.settings = settings
    charsMap = try PrecompiledCharsMap(settings.charsMap)
    spaceSymbol = settings.escapesWhitespaces ? Array("\u{2581}".utf8) : [Self.space]
  }

  /// The normalised text as UTF-8; empty when nothing but whitespace remains.
  func normalize(_ text: String) -> [UInt8] {
    let input = Array(text.utf8)
    let strips = settings.removesExtraWhitespaces
    var position = 0
    if strips {
      while position < input.count {
        let (piece, length) = normalizedPrefix(of: input, at: position)
        guard piece.elementsEqual([Self.space]) else { break }
        position += length
      }
    }
    guard position < input.count else { return [] }

    var output: [UInt8] = []
    output.reserveCapacity(input.count + 8)
    if settings.addsDummyPrefix { output += spaceSymbol }
    var afterSpace = strips
    while position < input.count {
      let (normalized, length) = normalizedPrefix(of: input, at: position)
      position += length
      var piece = normalized[...]
      if strips && afterSpace {
        piece = piece.drop { $0 == Self.space }
      }
      guard let last = piece.last else { continue }
      for byte in piece {
        if byte == Self.space { output += spaceSymbol } else { output.append(byte) }
      }
      afterSpace = last == Self.space
    }
    if strips {
      while output.count >= spaceSymbol.count && output.suffix(spaceSymbol.count).elementsEqual(spaceSymbol) {
        output.removeLast(spaceSymbol.count)
      }
    }
    return output
  }

  /// What the text at `position` normalises to, and how many input bytes that consumes: the
  /// longest charsmap rule, or else the one character unchanged.
  private func normalizedPrefix(of input: [UInt8], at position: Int) -> (ArraySlice<UInt8>, Int) {
    if let match = charsMap.longestMatch(in: input, at: position) {
      return (match.replacement, match.length)
    }
    // A Swift string is valid UTF-8, so the lead byte gives the character's length.
    let lead = input[position]
    let length =
      switch lead {
      case ..<0x80: 1
      case 0xC0..<0xE0: 2
      case 0xE0..<0xF0: 3
      default: 4
      }
    return (input[position..<min(position + length, input.count)], length)
  }
}
