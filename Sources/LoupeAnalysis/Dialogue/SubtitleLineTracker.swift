import LoupeMedia
import LoupeVision

/// Turns OCR readings of subtitle bands, taken every `interval` seconds, into timed events.
///
/// A line continues while each reading finds it again (OCR jitter tolerated: texts at least
/// `similarity` alike by edit distance are one line); one missed reading does not end it. An
/// event spans from half an interval before its first sighting to half an interval after its
/// last, so with 2 readings a second either end is within a quarter second of the truth. A line
/// becomes an event only when it persists: its first and last sightings at least
/// `minimumDuration` apart (two readings at 2 a second), and its mean recogniser score at least
/// `minimumConfidence` — a glimpse of a sign or a letter in the scenery is neither. A line that
/// returns within one interval of its end (a missed reading, a flicker) is merged into one
/// event. Its text is the reading seen most often, its confidence the mean recogniser score.
///
/// `minimumConfidence` was set on the burned-in test clip (`TestClips.burnedInSubtitles`: its
/// four lines score ≥ 0.99, the scenery's stray readings 0.50–0.96, of which the persistent ones
/// ≤ 0.70); no held-out clip was looked at.
struct SubtitleLineTracker {
  let interval: Double
  var minimumDuration = 0.5
  var minimumConfidence: Float = 0.8
  var similarity = 0.75

  private struct Track {
    var readings: [String: (count: Int, score: Float)] = [:]
    var firstSeen: Double
    var lastSeen: Double
    var scoreSum: Float = 0
    var sightings = 0

    var text: String {
      readings.max { ($0.value.count, $0.value.score) < ($1.value.count, $1.value.score) }!.key
    }

    mutating func add(_ text: String, score: Float, at time: Double) {
      let previous = readings[text] ?? (0, 0)
      readings[text] = (previous.count + 1, max(previous.score, score))
      scoreSum += score
      sightings += 1
      lastSeen = time
    }
  }

  private var open: [Track] = []
  private var closed: [DialogueEvent] = []

  init(interval: Double) {
    self.interval = interval
  }

  /// The lines read at `time` (later than any before).
  mutating func observe(_ lines: [RecognizedText], at time: Double) {
    var matched = Set<Int>()
    for line in lines {
      let index = open.indices.first { !matched.contains($0) && Self.alike(open[$0].text, line.text, similarity) }
      if let index {
        open[index].add(line.text, score: line.score, at: time)
        matched.insert(index)
      } else {
        var track = Track(firstSeen: time, lastSeen: time)
        track.add(line.text, score: line.score, at: time)
        open.append(track)
        matched.insert(open.count - 1)
      }
    }
    // One missed reading is tolerated; two end the line.
    let ended = open.filter { time - $0.lastSeen > 1.5 * interval }
    open.removeAll { time - $0.lastSeen > 1.5 * interval }
    ended.forEach { close($0) }
  }

  /// Every event, the open ones ended, in time order.
  mutating func finish() -> [DialogueEvent] {
    open.sorted { $0.firstSeen < $1.firstSeen }.forEach { close($0) }
    open = []
    return closed.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
  }

  private mutating func close(_ track: Track) {
    let confidence = track.scoreSum / Float(track.sightings)
    guard track.lastSeen - track.firstSeen >= minimumDuration - 1e-6, confidence >= minimumConfidence else { return }
    let event = DialogueEvent(
      text: track.text,
      start: max(0, track.firstSeen - interval / 2),
      end: track.lastSeen + interval / 2,
      source: .ocr,
      confidence: confidence
    )
    if let index = closed.lastIndex(where: { Self.alike($0.text, event.text, similarity) }),
      event.start - closed[index].end <= interval + 1e-6
    {
      closed[index].end = max(closed[index].end, event.end)
      return
    }
    closed.append(event)
  }

  /// Whether two readings are one line: 1 − edit distance ÷ the longer length ≥ `threshold`.
  static func alike(_ a: String, _ b: String, _ threshold: Double) -> Bool {
    if a == b { return true }
    let x = Array(a), y = Array(b)
    guard !x.isEmpty, !y.isEmpty else { return false }
    var previous = Array(0...y.count), current = [Int](repeating: 0, count: y.count + 1)
    for i in 1...x.count {
      current[0] = i
      for j in 1...y.count {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
      }
      swap(&previous, &current)
    }
    return 1 - Double(previous[y.count]) / Double(max(x.count, y.count)) >= threshold
  }
}
