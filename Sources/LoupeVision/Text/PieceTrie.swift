/// The vocabulary as a trie over Unicode scalars, so one walk from a position finds every piece
/// that starts there. Edges live in one hash table keyed by (node, scalar) rather than a table per
/// node, which keeps the 128k-piece vocabulary to a few megabytes.
struct PieceTrie: Sendable {
  private var edges: [UInt64: Int32] = [:]
  /// The piece id that ends at each node, or -1 for a node that is only a prefix.
  private var pieceAtNode: [Int32] = [-1]

  init(pieces: [String]) {
    edges.reserveCapacity(pieces.count * 4)
    for (id, piece) in pieces.enumerated() {
      var node: Int32 = 0
      for scalar in piece.unicodeScalars {
        let key = Self.key(node, scalar.value)
        if let child = edges[key] {
          node = child
        } else {
          let child = Int32(pieceAtNode.count)
          edges[key] = child
          pieceAtNode.append(-1)
          node = child
        }
      }
      // Like a dictionary built in id order, a later duplicate of a piece wins.
      pieceAtNode[Int(node)] = Int32(id)
    }
  }

  /// Calls `body(length, id)` for each piece that is a prefix of `scalars[start...]`, shortest first.
  func forEachPiece(in scalars: [UInt32], from start: Int, _ body: (Int, Int) -> Void) {
    var node: Int32 = 0
    var index = start
    while index < scalars.count, let child = edges[Self.key(node, scalars[index])] {
      node = child
      index += 1
      let id = pieceAtNode[Int(node)]
      if id >= 0 { body(index - start, Int(id)) }
    }
  }

  private static func key(_ node: Int32, _ scalar: UInt32) -> UInt64 {
    UInt64(UInt32(bitPattern: node)) << 32 | UInt64(scalar)
  }
}
