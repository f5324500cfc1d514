import Dispatch
import LoupeMedia
import Synchronization
import Testing

@Suite struct OffPoolExecutorTests {
  /// Two jobs enqueued while one thread waits: the first blocks until the second runs, so the
  /// second must get a thread of its own instead of queuing behind the first.
  @Test(arguments: 0..<20) func aJobBlockedOnTheNextOneDoesNotStallIt(round: Int) async {
    let executor = OffPoolExecutor(label: "executor-test", maxThreads: 4)
    await withTaskExecutorPreference(executor) {}  // one thread, now waiting for work
    let released = DispatchSemaphore(value: 0)
    let outcome = Mutex<DispatchTimeoutResult?>(nil)
    async let first: Void = withTaskExecutorPreference(executor) {
      let result = released.wait(timeout: .now() + 10)
      outcome.withLock { $0 = result }
    }
    async let second: Void = withTaskExecutorPreference(executor) { released.signal() }
    _ = await (first, second)
    #expect(outcome.withLock { $0 } == .success)
  }

  @Test func itsThreadsKnowThemselves() async {
    let executor = OffPoolExecutor(label: "executor-test")
    #expect(await withTaskExecutorPreference(executor) { OffPoolExecutor.isCurrent })
  }
}
