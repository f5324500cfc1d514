/// Times an untimed transcript by a timed one of the same audio: Whisper base reads more
/// accurately after `<|notimestamps|>`, but only its timestamped decoding says when each sentence
/// was spoken. The two texts are aligned character by character (Levenshtein), and the untimed
/// text is cut where the timed segments meet; each piece takes its segment's times. Where the
/// timed decoding heard something else (「ありがとうございました」 for 「ありがとう、また明日」), the
/// alignment still places the cut between the sentences around it.
public enum SegmentRetiming {
  /// `text` cut into pieces timed like `timed`, in order; pieces that come out empty (the timed
  /// decoding repeated or invented a segment) are left out. Without timed segments, `nil`.
  public static func split(_ text: String, along timed: [WhisperSegment]) -> [WhisperSegment]? {
    guard let first = timed.first, let last = timed.last else { return nil }
    let target = Array(text)
    guard timed.count > 1 else { return [WhisperSegment(start: first.start, end: last.end, text: text)] }
    let source = timed.flatMap { Array($0.text) }
    let cuts = alignedPositions(of: source, in: target)
    var pieces: [WhisperSegment] = []
    var consumed = 0
    var from = 0
    for (index, segment) in timed.enumerated() {
      consumed += segment.text.count
      var to = index == timed.count - 1 ? target.count : max(from, cuts[consumed])
      // Closing punctuation the timed text lacked belongs to the sentence it closes.
      while to < target.count, target[to].isPunctuation { to += 1 }
      let piece = String(target[from..<to])
      if !piece.trimmingCharacters(in: .whitespaces).isEmpty {
        pieces.append(WhisperSegment(start: segment.start, end: segment.end, text: piece))
      }
      from = to
    }
    return pieces
  }

  /// For every boundary `i` of `source` (0…count), the boundary of `target` that an optimal edit
  /// script maps it to: characters of `target` inserted at a boundary go to the piece after it.
  static func alignedPositions(of source: [Character], in target: [Character]) -> [Int] {
    let rows = source.count + 1, columns = target.count + 1
    var cost = [Int](repeating: 0, count: rows * columns)
    for j in 0..<columns { cost[j] = j }
    for i in 1..<rows {
      cost[i * columns] = i
      for j in 1..<columns {
        let substitution = cost[(i - 1) * columns + j - 1] + (source[i - 1] == target[j - 1] ? 0 : 1)
        let deletion = cost[(i - 1) * columns + j] + 1
        let insertion = cost[i * columns + j - 1] + 1
        cost[i * columns + j] = min(substitution, deletion, insertion)
      }
    }
    // Walk back from the end; a row's position is the smallest column the path reaches in it.
    var positions = [Int](repeating: 0, count: rows)
    var i = rows - 1, j = columns - 1
    positions[i] = j
    while i > 0 || j > 0 {
      let here = cost[i * columns + j]
      if i > 0, j > 0, here == cost[(i - 1) * columns + j - 1] + (source[i - 1] == target[j - 1] ? 0 : 1) {
        i -= 1
        j -= 1
      } else if i > 0, here == cost[(i - 1) * columns + j] + 1 {
        i -= 1
      } else {
        j -= 1
      }
      positions[i] = j
    }
    return positions
  }
}
