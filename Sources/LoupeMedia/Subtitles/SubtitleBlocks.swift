/// Lines grouped into blank-line-separated blocks, each remembering where it starts (SRT and
/// WebVTT are both built of such blocks).
struct SubtitleBlock {
  /// 1-based line number of the block's first line.
  let firstLine: Int
  let lines: [String]

  static func split(_ lines: [String]) -> [SubtitleBlock] {
    var blocks: [SubtitleBlock] = []
    var current: [String] = []
    var start = 0
    for (index, line) in lines.enumerated() {
      if line.trimmingASCIIWhitespace().isEmpty {
        if !current.isEmpty { blocks.append(SubtitleBlock(firstLine: start + 1, lines: current)) }
        current = []
      } else {
        if current.isEmpty { start = index }
        current.append(line)
      }
    }
    if !current.isEmpty { blocks.append(SubtitleBlock(firstLine: start + 1, lines: current)) }
    return blocks
  }
}
