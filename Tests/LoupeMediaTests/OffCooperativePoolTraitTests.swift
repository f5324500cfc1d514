import LoupeMedia
import LoupeTestSupport
import Testing

/// The trait heavy suites carry really moves their tests off the cooperative pool, synchronous
/// and asynchronous alike.
@Suite(.offCooperativePool) struct OffCooperativePoolTraitTests {
  @Test func synchronousTestsRunOnDispatchThreads() {
    #expect(OffPoolExecutor.isCurrent)
  }

  @Test func asynchronousTestsRunOnDispatchThreads() async {
    await Task.yield()
    #expect(OffPoolExecutor.isCurrent)
  }
}
