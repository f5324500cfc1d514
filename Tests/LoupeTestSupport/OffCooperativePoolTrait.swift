import LoupeMedia
import Testing

/// Runs each test of a suite with a Dispatch-backed task executor, off Swift's cooperative pool.
///
/// The whole suite runs in one process whose cooperative pool has one thread per core (two
/// here). Synchronous tests run on those threads, so one that encodes a clip with ffmpeg, scans
/// a video or waits for a CLI child holds a thread for seconds to minutes; a few at once left
/// every in-process server, job worker and `waitUntil` in the suite without a thread until their
/// timeouts fired. Suites whose tests do such work carry this trait.
public struct OffCooperativePoolTrait: SuiteTrait, TestTrait, TestScoping {
  public var isRecursive: Bool { true }

  /// The threads the suites carrying this trait, and the shared model fixtures they load, run on.
  public static let executor = OffPoolExecutor(label: "loupe.tests")

  public func provideScope(
    for test: Test,
    testCase: Test.Case?,
    performing function: @Sendable () async throws -> Void
  ) async throws {
    try await withTaskExecutorPreference(Self.executor) { try await function() }
  }
}

extension Trait where Self == OffCooperativePoolTrait {
  /// Runs the tests off Swift's cooperative pool (`OffCooperativePoolTrait`).
  public static var offCooperativePool: Self { OffCooperativePoolTrait() }
}
