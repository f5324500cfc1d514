import AsyncHTTPClient
import Foundation
import LoupeMedia

/// A closed-loop load: `concurrency` workers each send their next request as soon as the last
/// one answered, until `duration` has passed. Non-200 answers and transport failures are errors.
struct LoadRun {
  var latencies: [Double] = []
  var errors = 0

  func percentile(_ fraction: Double) -> Double {
    guard !latencies.isEmpty else { return .nan }
    let sorted = latencies.sorted()
    return sorted[min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.down)))]
  }

  static func run(
    concurrency: Int,
    duration: Duration,
    makeRequest: @escaping @Sendable (Int) -> HTTPClientRequest
  ) async throws -> LoadRun {
    let clock = ContinuousClock()
    let deadline = clock.now + duration
    return try await withThrowingTaskGroup(of: LoadRun.self) { group in
      for worker in 0..<concurrency {
        group.addTask {
          var run = LoadRun()
          var index = worker
          while clock.now < deadline {
            let started = clock.now
            do {
              let response = try await HTTPClient.shared.execute(makeRequest(index), timeout: .seconds(120))
              _ = try await response.body.collect(upTo: 16 << 20)
              if response.status == .ok {
                run.latencies.append((clock.now - started).seconds)
              } else {
                run.errors += 1
              }
            } catch {
              run.errors += 1
            }
            index += concurrency
          }
          return run
        }
      }
      var total = LoadRun()
      for try await run in group {
        total.latencies += run.latencies
        total.errors += run.errors
      }
      return total
    }
  }
}
