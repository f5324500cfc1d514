/// The sidecar subtitle formats Loupe reads.
public enum SubtitleFormat: String, Sendable, CaseIterable {
  case srt
  case webVTT = "vtt"
  /// Advanced SubStation Alpha and its predecessor SSA.
  case ass

  /// The format a file extension names (`srt`, `vtt`, `ass`, `ssa`; any case).
  public init?(fileExtension: String) {
    switch fileExtension.lowercased() {
    case "srt": self = .srt
    case "vtt": self = .webVTT
    case "ass", "ssa": self = .ass
    default: return nil
    }
  }

  public var displayName: String {
    switch self {
    case .srt: "SRT"
    case .webVTT: "WebVTT"
    case .ass: "ASS/SSA"
    }
  }

  /// The format the content shows (a `WEBVTT` header, an ASS section, or an SRT cue), else `hint`
  /// (usually from the file extension), else `nil`.
  public static func detect(in text: String, hint: SubtitleFormat? = nil) -> SubtitleFormat? {
    let lines = SubtitleLines(text).lines.map { $0.trimmingASCIIWhitespace() }
    guard let first = lines.firstIndex(where: { !$0.isEmpty }) else { return hint }
    if lines[first].hasPrefix("WEBVTT") { return .webVTT }
    let sections = ["[script info]", "[v4+ styles]", "[v4 styles]", "[events]"]
    if lines.contains(where: { sections.contains($0.lowercased()) }) { return .ass }
    let timing = lines[first].allSatisfy(\.isNumber) && first + 1 < lines.count ? lines[first + 1] : lines[first]
    if timing.contains("-->"), SubtitleTimestamp.seconds(in: timing.components(separatedBy: "-->")[0]) != nil {
      return .srt
    }
    return hint
  }
}
