import Foundation
import LoupeMedia
import Synchronization

/// Admission control and a thread pool of their own for the synchronous analyses (image actions,
/// portrait check and create).
///
/// At most `limits.running` analyses run at once and at most `limits.waiting` wait for a turn;
/// a request beyond that is refused at once with `ServiceError.busy` instead of queuing without
/// bound, so load beyond capacity costs a refusal, not memory. An admitted analysis runs with
/// an `OffPoolExecutor` as its task executor: its decoding and pixel arithmetic happen on that
/// executor's threads, never on Swift's cooperative pool, which stays free for `/healthz`, job
/// polling and the other requests.
public final class AnalysisGate: Sendable {
  public struct Limits: Sendable, Equatable {
    /// Analyses running at once.
    public var running: Int
    /// Analyses waiting for a turn; beyond, requests are refused as busy.
    public var waiting: Int

    public init(running: Int, waiting: Int) {
      self.running = max(1, running)
      self.waiting = max(0, waiting)
    }

    /// One analysis per core (each already uses several threads inside the models), and as many
    /// again waiting.
    public static let `default` = Limits(
      running: ProcessInfo.processInfo.activeProcessorCount,
      waiting: ProcessInfo.processInfo.activeProcessorCount
    )
  }

  private struct State {
    var running = 0
    var waiters: [CheckedContinuation<Void, any Error>] = []
  }

  public let limits: Limits
  private let state = Mutex(State())
  private let executor = OffPoolExecutor(label: "loupe.analysis")

  public init(limits: Limits = .default) {
    self.limits = limits
  }

  /// Runs `work` once admitted; throws `ServiceError.busy` without running it when the gate is
  /// full.
  public func run<Value: Sendable>(_ work: @Sendable () async throws -> Value) async throws -> Value {
    try await admit()
    defer { leave() }
    return try await withTaskExecutorPreference(executor) { try await work() }
  }

  /// Analyses running and waiting now.
  public var load: (running: Int, waiting: Int) {
    state.withLock { ($0.running, $0.waiters.count) }
  }

  private func admit() async throws {
    enum Decision { case run, wait, refuse }
    // The decision and the wait's registration are one step, so a slot freed in between
    // cannot be missed.
    try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
      let decision = state.withLock { state -> Decision in
        if state.running < limits.running {
          state.running += 1
          return .run
        }
        guard state.waiters.count < limits.waiting else { return .refuse }
        state.waiters.append(continuation)
        return .wait
      }
      switch decision {
      case .run: continuation.resume()
      case .refuse: continuation.resume(throwing: ServiceError.busy(running: limits.running, waiting: limits.waiting))
      case .wait: break
      }
    }
  }

  /// Hands the slot straight to the longest waiter, or frees it.
  private func leave() {
    let next = state.withLock { state -> CheckedContinuation<Void, any Error>? in
      guard !state.waiters.isEmpty else {
        state.running -= 1
        return nil
      }
      return state.waiters.removeFirst()
    }
    next?.resume()
  }
}
