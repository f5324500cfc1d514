import Foundation
import LoupeServices
import Testing

@Suite struct AnalysisGateTests {
  /// A latch the test opens when it has seen what it wanted while work was held.
  final class Latch: @unchecked Sendable {
    private let semaphore = DispatchSemaphore(value: 0)
    func open() { semaphore.signal() }
    /// Blocks the calling thread: inside the gate, that is one of the gate's own threads.
    func wait() { semaphore.wait() }
  }

  /// Holds the calling thread, as seconds of decoding or pixel arithmetic would.
  static func blockThread(for seconds: TimeInterval) {
    Thread.sleep(forTimeInterval: seconds)
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

  /// Work that blocks its thread for a second, on more threads than there are cores, leaves the
  /// cooperative pool free: a task there still wakes from a 10 ms sleep promptly.
  @Test func admittedWorkRunsOffTheCooperativePool() async throws {
    let gate = AnalysisGate(limits: .init(running: 8, waiting: 0))
    let blockers = (0..<8).map { _ in Task { try await gate.run { Self.blockThread(for: 1) } } }
    try await Self.waitUntil { gate.load.running == 8 }
    let started = ContinuousClock.now
    try await Task.sleep(for: .milliseconds(10))
    let woke = ContinuousClock.now - started
    for blocker in blockers { try await blocker.value }
    #expect(woke < .milliseconds(500), "a cooperative task waited \(woke) behind the gate's work")
  }
}
