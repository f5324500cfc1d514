/// SentencePiece's precompiled normalisation rules (`precompiled_charsmap`): a little-endian
/// `UInt32` byte count, a darts-clone double-array trie of that many bytes whose keys are UTF-8
/// sequences, then the replacements as NUL-terminated UTF-8 strings the trie's values point into.
struct PrecompiledCharsMap: Sendable {
  private let units: [UInt32]
  private let replacements: [UInt8]

  init(_ bytes: [UInt8]) throws {
    guard !bytes.isEmpty else {
      (units, replacements) = ([], [])
      return
    }
    guard bytes.count >= 4 else { throw SentencePieceError.malformedModel("charsmap shorter than its header") }
    let trieSize = bytes[0..<4].reversed().reduce(0) { $0 << 8 | Int($1) }
    guard trieSize % 4 == 0, trieSize >= 4, trieSize <= bytes.count - 4 else {
      throw SentencePieceError.malformedModel("charsmap trie size \(trieSize) does not fit")
    }
    units = stride(from: 4, to: 4 + trieSize, by: 4).map { offset in
      bytes[offset..<offset + 4].reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }
    replacements = Array(bytes[(4 + trieSize)...])
  }

  /// The replacement of the longest rule that matches `text` at `position`, and how many bytes
  /// it replaces; `nil` when no rule applies and the character stays as it is.
  func longestMatch(in text: [UInt8], at position: Int) -> (replacement: ArraySlice<UInt8>, length: Int)? {
    guard let root = units.first else { return nil }
    var node = Self.offset(of: root)
    var best: (value: Int, length: Int)?
    var index = position
    while index < text.count {
      let byte = UInt32(text[index])
      node ^= Int(byte)
      guard node < units.count else { break }
      let unit = units[node]
      // A unit belongs to this path only if its label is the byte; leaf units never match.
      guard unit & 0x8000_00FF == byte else { break }
      node ^= Self.offset(of: unit)
      index += 1
      if unit & 0x100 != 0, node < units.count {
        best = (Int(units[node] & 0x7FFF_FFFF), index - position)
      }
    }
    guard let best, best.value < replacements.count else { return nil }
    let end = replacements[best.value...].firstIndex(of: 0) ?? replacements.endIndex
    return (replacements[best.value..<end], best.length)
  }

  private static func offset(of unit: UInt32) -> Int {
    Int((unit >> 10) << ((unit & 0x200) >> 6))
  }
}
