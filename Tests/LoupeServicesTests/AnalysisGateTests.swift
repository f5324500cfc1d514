import Foundation
import LoupeMedia
import Testing

@testable import LoupeServices

@Suite struct AnalysisGateTests {
  /// A latch the test opens when it has seen what it wanted while work was held.
  final class Latch: @unchecked Sendable {
    private let semaphore = DispatchSemaphore(value: 0)
    func open() { semaphore.signal() }
    /// Blocks the calling thread: inside the gate, that is one of the gate's own threads.
    func wait() { semaphore.wait() }
  }

  static func waitUntil(_ condition: () -> Bool) async throws {
    let deadline = ContinuousClock.now + .seconds(10)
    while !condition() {
      guard ContinuousClock.now < deadline else { throw CancellationError() }
      try await Task.sleep(for: .milliseconds(10))
    }
  }

  @Test func beyondRunningAndWaitingRequestsAreRefusedAsBusy() async throws {
    let gate = AnalysisGate(limits: .init(running: 1, waiting: 1))
    let latch = Latch()
    let first = Task { try await gate.run { latch.wait() } }
    try await Self.waitUntil { gate.load.running == 1 }
    let second = Task { try await gate.run { 2 } }
    try await Self.waitUntil { gate.load.waiting == 1 }
    await #expect(throws: ServiceError.busy(running: 1, waiting: 1)) { try await gate.run { 3 } }
    latch.open()
    try await first.value
    #expect(try await second.value == 2, "the waiter got the freed slot")
    #expect(gate.load == (0, 0))
  }

  /// Admitted work, and the async functions it calls, run on the gate's own threads, never on
  /// the cooperative pool.
  @Test func admittedWorkRunsOnTheAnalysisThreads() async throws {
    let gate = AnalysisGate(limits: .init(running: 2, waiting: 0))
    #expect(!OffPoolExecutor.isCurrent)
    #expect(try await gate.run { OffPoolExecutor.isCurrent })
    #expect(try await gate.run { await Self.nested() })
    #expect(!OffPoolExecutor.isCurrent)
  }

  static func nested() async -> Bool {
    await Task.yield()
    return OffPoolExecutor.isCurrent
  }
}
