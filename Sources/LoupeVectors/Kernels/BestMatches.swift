/// The best `limit` matches seen so far: a max-heap whose root is the worst kept match, so each
/// new candidate costs one comparison unless it beats that root.
struct BestMatches {
  let limit: Int
  private var heap: [VectorMatch] = []

  init(limit: Int) {
    self.limit = max(limit, 0)
    heap.reserveCapacity(self.limit)
  }

  /// The distance a candidate must beat (or tie with a smaller id) to be kept.
  var worstKept: Float { heap.count < limit ? .infinity : heap[0].distance }

  var isFull: Bool { heap.count == limit }

  @inline(__always)
  mutating func consider(id: Int64, distance: Float) {
    guard limit > 0 else { return }
    let candidate = VectorMatch(id: id, distance: distance)
    if heap.count < limit {
      heap.append(candidate)
      siftUp(from: heap.count - 1)
    } else if candidate.precedes(heap[0]) {
      heap[0] = candidate
      siftDown(from: 0)
    }
  }

  /// The kept matches, best first.
  func sorted() -> [VectorMatch] {
    heap.sorted { $0.precedes($1) }
  }

  private mutating func siftUp(from start: Int) {
    var child = start
    while child > 0 {
      let parent = (child - 1) / 2
      guard heap[parent].precedes(heap[child]) else { return }
      heap.swapAt(parent, child)
      child = parent
    }
  }

  private mutating func siftDown(from start: Int) {
    var parent = start
    while true {
      let left = 2 * parent + 1
      guard left < heap.count else { return }
      let right = left + 1
      // The worse of the two children rises, so the root stays the worst kept match.
      var worse = left
      if right < heap.count, heap[left].precedes(heap[right]) { worse = right }
      guard heap[parent].precedes(heap[worse]) else { return }
      heap.swapAt(parent, worse)
      parent = worse
    }
  }
}
