import LoupeMedia

/// Puts read pieces in reading order and joins pieces of one line. Horizontal pieces form rows
/// (top to bottom) when their vertical extents overlap by half the smaller height, read left to
/// right; vertical pieces form columns (right to left, Japanese and traditional Chinese order)
/// when their horizontal extents overlap likewise, read top to bottom. Neighbours in a row or
/// column closer than `joinGap` × the line's thickness are one line. A page with more vertical
/// than horizontal pieces is read column-first, its horizontal lines (titles, captions) after.
enum TextReadingOrder {
  /// The widest gap, in line thicknesses, between pieces of one line: a wide comma or a space
  /// between words can split the detector's line; separate captions lie further apart.
  static let joinGap: Float = 1.2

  static func arrange(_ pieces: [TextLine]) -> [TextLine] {
    let horizontal = lines(pieces.filter { $0.direction == .horizontal }, direction: .horizontal)
    let vertical = lines(pieces.filter { $0.direction == .vertical }, direction: .vertical)
    return vertical.count > horizontal.count ? vertical + horizontal : horizontal + vertical
  }

  /// Groups pieces of one direction into rows (or columns), orders them and joins close ones.
  private static func lines(_ pieces: [TextLine], direction: TextLine.Direction) -> [TextLine] {
    let isVertical = direction == .vertical
    // Across: the axis rows (columns) stack along; along: the reading axis within one.
    func across(_ r: Rect) -> (Float, Float) { isVertical ? (r.x, r.maxX) : (r.y, r.maxY) }
    func along(_ r: Rect) -> (Float, Float) { isVertical ? (r.y, r.maxY) : (r.x, r.maxX) }

    var groups: [[TextLine]] = []
    for piece in pieces.sorted(by: { across($0.bounds).0 < across($1.bounds).0 }) {
      let (low, high) = across(piece.bounds)
      let match = groups.firstIndex { group in
        group.contains { other in
          let (otherLow, otherHigh) = across(other.bounds)
          let overlap = min(high, otherHigh) - max(low, otherLow)
          return overlap >= 0.5 * min(high - low, otherHigh - otherLow)
        }
      }
      if let match { groups[match].append(piece) } else { groups.append([piece]) }
    }
    // Rows top to bottom; columns right to left.
    groups.sort { a, b in
      let centerA = a.map { across($0.bounds).0 + across($0.bounds).1 }.reduce(0, +) / Float(a.count)
      let centerB = b.map { across($0.bounds).0 + across($0.bounds).1 }.reduce(0, +) / Float(b.count)
      return isVertical ? centerA > centerB : centerA < centerB
    }
    return groups.flatMap { group in
      var joined: [TextLine] = []
      for piece in group.sorted(by: { along($0.bounds).0 < along($1.bounds).0 }) {
        if let last = joined.last {
          let thickness = max(across(last.bounds).1 - across(last.bounds).0, 1)
          if along(piece.bounds).0 - along(last.bounds).1 <= joinGap * thickness {
            joined[joined.count - 1] = join(last, piece)
            continue
          }
        }
        joined.append(piece)
      }
      return joined
    }
  }

  /// One line from two neighbours; a space separates them only between Latin letters or digits.
  static func join(_ first: TextLine, _ second: TextLine) -> TextLine {
    let needsSpace =
      (first.text.last.map(isLatinAlphanumeric) ?? false) && (second.text.first.map(isLatinAlphanumeric) ?? false)
    let a = first.bounds, b = second.bounds
    let union = Rect(minX: min(a.x, b.x), minY: min(a.y, b.y), maxX: max(a.maxX, b.maxX), maxY: max(a.maxY, b.maxY))
    return TextLine(
      text: first.text + (needsSpace ? " " : "") + second.text,
      score: min(first.score, second.score),
      corners: [
        Point(x: union.x, y: union.y), Point(x: union.maxX, y: union.y),
        Point(x: union.maxX, y: union.maxY), Point(x: union.x, y: union.maxY),
      ],
      direction: first.direction
    )
  }

  private static func isLatinAlphanumeric(_ character: Character) -> Bool {
    character.isASCII && (character.isLetter || character.isNumber)
  }
}
