import LoupeJobs
import Testing

@Suite struct JobArrivalsTests {
  @Test func aSignalWakesAWaiter() async {
    let arrivals = JobArrivals()
    let mark = arrivals.mark
    let waiter = Task { await arrivals.wait(after: mark, upTo: .seconds(3600)) }
    try? await Task.sleep(for: .milliseconds(50))
    arrivals.signal()
    await waiter.value
  }

  @Test func aSignalBeforeTheWaitIsNotLost() async {
    let arrivals = JobArrivals()
    let mark = arrivals.mark
    arrivals.signal()
    await arrivals.wait(after: mark, upTo: .seconds(3600))
  }

  @Test func aWaitEndsAtItsTimeout() async {
    let arrivals = JobArrivals()
    await arrivals.wait(after: arrivals.mark, upTo: .milliseconds(20))
  }

  @Test func cancellationEndsAWait() async {
    let arrivals = JobArrivals()
    let waiter = Task { await arrivals.wait(after: arrivals.mark, upTo: .seconds(3600)) }
    try? await Task.sleep(for: .milliseconds(50))
    waiter.cancel()
    await waiter.value
  }
}
