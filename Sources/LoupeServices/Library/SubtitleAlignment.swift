import LoupeMedia

/// Gives each clip the subtitle lines shown during it: a cue belongs to every clip it overlaps by
/// at least a quarter of a second or by half its own length, so a line spanning a cut is found
/// from both sides but a line that merely touches a clip is not.
public enum SubtitleAlignment {
  public static func text(for clip: (start: Double, end: Double), cues: [SubtitleCue]) -> String? {
    let lines = cues.filter { cue in
      let overlap = min(cue.end, clip.end) - max(cue.start, clip.start)
      return overlap >= 0.25 || (overlap > 0 && overlap >= (cue.end - cue.start) / 2)
    }.map(\.text)
    var seen: Set<String> = []
    let unique = lines.filter { seen.insert($0).inserted }
    return unique.isEmpty ? nil : unique.joined(separator: "\n")
  }
}
