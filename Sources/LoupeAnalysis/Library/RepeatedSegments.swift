/// Finds the segments a series repeats across its videos (openings, endings) from the clips'
/// visual vectors, and labels each repeated clip `opening` or `ending`.
///
/// Two clips of different videos match when their vectors' cosine is at least
/// `matchThreshold` and their lengths differ by at most `lengthTolerance` seconds. A repeated
/// segment is a run of at least `minimumClips` consecutive clips of one video matching, in the
/// same order, consecutive clips of another, together at least `minimumSeconds` long: a single
/// look-alike shot (the same background twice) is not a segment. A segment is an opening when,
/// over every video it occurs in, it starts in the first half of the video more often than not
/// (so an opening that one episode plays at its end, or after a cold open, is still the
/// opening), and an ending otherwise.
public enum RepeatedSegments {
  public struct Clip: Sendable {
    public var id: Int64
    public var start: Double
    public var end: Double
    public var vector: [Float]

    public init(id: Int64, start: Double, end: Double, vector: [Float]) {
      self.id = id
      self.start = start
      self.end = end
      self.vector = vector
    }
  }

  public enum Kind: String, Sendable, Codable {
    case opening, ending
  }

  public static let matchThreshold: Float = 0.9
  public static let lengthTolerance = 0.5
  public static let minimumClips = 2
  public static let minimumSeconds = 3.0

  /// `videos`: each video's clips in time order, with the video's duration.
  public static func label(_ videos: [(duration: Double, clips: [Clip])]) -> [Int64: Kind] {
    // Union-find over clips: matching runs join their clips into one repeated segment.
    var parent: [Int64: Int64] = [:]
    func root(_ id: Int64) -> Int64 {
      var id = id
      while let next = parent[id], next != id { id = next }
      return id
    }
    func join(_ a: Int64, _ b: Int64) {
      let (ra, rb) = (root(a), root(b))
      if ra != rb { parent[ra] = rb }
    }
    var repeated: Set<Int64> = []
    for first in videos.indices {
      for second in videos.indices where second > first {
        for run in runs(videos[first].clips, videos[second].clips) {
          for (a, b) in run {
            parent[a.id] = parent[a.id] ?? a.id
            parent[b.id] = parent[b.id] ?? b.id
            join(a.id, b.id)
            repeated.formUnion([a.id, b.id])
          }
        }
      }
    }
    // Votes per segment: does it start in the first half of each video it occurs in?
    var votes: [Int64: (early: Int, late: Int)] = [:]
    for video in videos {
      var seen: Set<Int64> = []
      for clip in video.clips where repeated.contains(clip.id) {
        let segment = root(clip.id)
        guard seen.insert(segment).inserted else { continue }
        let early = clip.start < video.duration / 2
        votes[segment, default: (0, 0)].early += early ? 1 : 0
        votes[segment, default: (0, 0)].late += early ? 0 : 1
      }
    }
    var labels: [Int64: Kind] = [:]
    for id in repeated {
      let vote = votes[root(id)] ?? (0, 0)
      labels[id] = vote.early >= vote.late ? .opening : .ending
    }
    return labels
  }

  /// Maximal runs of consecutive matching clips, long enough to count.
  ///
  /// Every video is compared with every other at each ingest, so this is quadratic in the
  /// project's clips: a run can only start at a pair of clips of about the same length, so each
  /// clip of `a` meets only the clips of `b` within `lengthTolerance` (found by binary search in
  /// `b` sorted by length), in `b`'s order as a plain double loop would meet them.
  static func runs(_ a: [Clip], _ b: [Clip]) -> [[(Clip, Clip)]] {
    let byLength = b.indices.sorted { length(b[$0]) < length(b[$1]) }
    let lengths = byLength.map { length(b[$0]) }
    var found: [[(Clip, Clip)]] = []
    var used: Set<Int> = []
    for i in a.indices {
      // A hair wider than the tolerance: `matches` makes the exact test.
      let low = lengths.partitioningIndex { $0 >= length(a[i]) - lengthTolerance - 1e-9 }
      let high = lengths.partitioningIndex { $0 > length(a[i]) + lengthTolerance + 1e-9 }
      for j in byLength[low..<high].sorted() where !used.contains(i * b.count + j) {
        var run: [(Clip, Clip)] = []
        var (x, y) = (i, j)
        while x < a.count, y < b.count, matches(a[x], b[y]) {
          used.insert(x * b.count + y)
          run.append((a[x], b[y]))
          x += 1
          y += 1
        }
        let seconds = run.reduce(0) { $0 + ($1.0.end - $1.0.start) }
        if run.count >= minimumClips && seconds >= minimumSeconds { found.append(run) }
      }
    }
    return found
  }

  static func matches(_ a: Clip, _ b: Clip) -> Bool {
    guard abs(length(a) - length(b)) <= lengthTolerance, a.vector.count == b.vector.count else {
      return false
    }
    return dot(a.vector, b.vector) >= matchThreshold
  }

  private static func length(_ clip: Clip) -> Double {
    clip.end - clip.start
  }

  /// Eight lanes at a time: the comparisons are most of a project's scene-type refresh.
  private static func dot(_ a: [Float], _ b: [Float]) -> Float {
    a.withUnsafeBufferPointer { a in
      b.withUnsafeBufferPointer { b in
        var lanes = SIMD8<Float>.zero
        var index = 0
        let (left, right) = (UnsafeRawPointer(a.baseAddress), UnsafeRawPointer(b.baseAddress))
        while index + 8 <= a.count, let left, let right {
          lanes +=
            left.loadUnaligned(fromByteOffset: index * 4, as: SIMD8<Float>.self)
            * right.loadUnaligned(fromByteOffset: index * 4, as: SIMD8<Float>.self)
          index += 8
        }
        var sum = lanes.sum()
        while index < a.count {
          sum += a[index] * b[index]
          index += 1
        }
        return sum
      }
    }
  }
}

extension Array {
  /// The first index whose element satisfies `predicate`, which must be false then true along
  /// the array (a binary search); `count` when none does.
  fileprivate func partitioningIndex(where predicate: (Element) -> Bool) -> Int {
    var low = 0, high = count
    while low < high {
      let middle = (low + high) / 2
      if predicate(self[middle]) { high = middle } else { low = middle + 1 }
    }
    return low
  }
}
