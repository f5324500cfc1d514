import Foundation
import LoupeTestSupport
import LoupeVectors
import Testing

@Suite(.offCooperativePool) struct ConcurrencyTests {
  /// Searches on three threads while a fourth upserts and removes, carrying an adaptive index
  /// across its graph threshold and back: nothing crashes and every answer is well formed.
  @Test func searchesRunWhileTheIndexIsWritten() throws {
    let vectors = numbered(randomVectors(1_200, dimension: 16, seed: 51))
    let queries = randomVectors(40, dimension: 16, seed: 52)
    let indexes: [any VectorIndex] = [
      AdaptiveVectorIndex(
        dimension: 16,
        metric: .cosine,
        configuration: AdaptiveConfiguration(graphThreshold: 500, scanThreshold: 250)
      ),
      try HNSWVectorIndex(dimension: 16, metric: .l2, capacity: 4),
      ExactVectorIndex(dimension: 16, metric: .l2),
      QuantizedVectorIndex(dimension: 16, metric: .cosine),
    ]
    for index in indexes {
      try index.upsert(contentsOf: vectors.prefix(100))
      let malformed = Counter()
      DispatchQueue.concurrentPerform(iterations: 4) { worker in
        if worker == 0 {
          for (id, vector) in vectors { try? index.upsert(vector, id: id) }
          for id in 0..<1_000 as Range<Int64> { index.remove(id: id) }
          return
        }
        for round in 0..<150 {
          let filter: VectorFilter? = round % 3 == 0 ? .predicate { $0 % 2 == 0 } : nil
          guard let found = try? index.search(queries[round % queries.count], limit: 10, allowing: filter) else {
            malformed.increment()
            continue
          }
          let ordered = zip(found, found.dropFirst()).allSatisfy { $0.distance <= $1.distance }
          if found.count > 10 || !ordered || Set(found.map(\.id)).count != found.count { malformed.increment() }
        }
      }
      #expect(malformed.value == 0)
      #expect(index.count == 200)
    }
  }
}

/// A thread-safe tally.
private final class Counter: @unchecked Sendable {
  private let lock = NSLock()
  private var count = 0

  func increment() { lock.withLock { count += 1 } }
  var value: Int { lock.withLock { count } }
}
