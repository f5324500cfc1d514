import Foundation
import LoupeJobs
import Testing

@Suite struct JobQueueContractTests {
  @Test(arguments: QueueKind.allCases) func jobsAreVisibleOnlyToTheirApp(kind: QueueKind) async throws {
    let (queue, apps) = try await kind.make()
    let job = try await queue.submit(video(apps[0]), now: at(0))
    #expect(job.state == .queued && job.message == "queued" && job.result.isEmpty && job.attempts == 0)
    let found = try #require(try await queue.job(id: job.id, appID: apps[0]))
    #expect(found.object == job.object && found.request == job.request && found.createdAt == at(0))
    #expect(try await queue.job(id: job.id, appID: apps[1]) == nil)
    #expect(try await queue.job(id: job.id + 1000, appID: apps[0]) == nil)
  }

  @Test(arguments: QueueKind.allCases) func batchesListTheirJobsInOrder(kind: QueueKind) async throws {
    let (queue, apps) = try await kind.make()
    let (batchID, jobs) = try await queue.submitBatch(
      (0..<3).map { video(apps[0], "https://example.org/\($0).mp4") },
      appID: apps[0],
      now: at(0)
    )
    #expect(jobs.map(\.batchID) == [batchID, batchID, batchID])
    let listed = try #require(try await queue.batch(id: batchID, appID: apps[0]))
    #expect(listed.map(\.object) == (0..<3).map { "https://example.org/\($0).mp4" })
    #expect(try await queue.batch(id: batchID, appID: apps[1]) == nil)
    #expect(try await queue.batch(id: batchID + 1000, appID: apps[0]) == nil)
  }

  @Test(arguments: QueueKind.allCases) func claimsTakeTheOldestDueJobOnce(kind: QueueKind) async throws {
    let (queue, apps) = try await kind.make()
    let first = try await queue.submit(video(apps[0]), now: at(0))
    let second = try await queue.submit(video(apps[1]), now: at(1))
    let claimed = try #require(try await claim(queue, "w1", at: 2))
    #expect(claimed.id == first.id && claimed.state == .running && claimed.attempts == 1)
    #expect(claimed.leaseOwner == "w1" && claimed.leaseExpiresAt == at(12) && claimed.startedAt == at(2))
    #expect(try await claim(queue, "w2", at: 2)?.id == second.id)
    #expect(try await claim(queue, "w3", at: 2) == nil)
  }

  @Test(arguments: QueueKind.allCases) func anAppWithAFewJobsIsNotStarvedByABigBacklog(kind: QueueKind) async throws {
    let (queue, apps) = try await kind.make()
    _ = try await queue.submitBatch((0..<100).map { video(apps[0], "a\($0)") }, appID: apps[0], now: at(0))
    let small = try await queue.submit(video(apps[1], "b0"), now: at(1))
    let firstTwo = [try await claim(queue, "w1", at: 2), try await claim(queue, "w2", at: 2)].compactMap { $0 }
    #expect(firstTwo.map(\.id).contains(small.id), "claimed first: \(firstTwo.map(\.object))")
  }

  @Test(arguments: QueueKind.allCases) func claimsTakeTurnsAcrossAppsOldestJobFirst(kind: QueueKind) async throws {
    let (queue, apps) = try await kind.make()
    for index in 0..<3 { _ = try await queue.submit(video(apps[0], "a\(index)"), now: at(0)) }
    for index in 0..<2 { _ = try await queue.submit(video(apps[1], "b\(index)"), now: at(1)) }
    _ = try await queue.submit(video(apps[2], "c0"), now: at(2))
    var order: [String] = []
    while let job = try await claim(queue, "w", at: 10) { order.append(job.object) }
    #expect(order == ["a0", "b0", "c0", "a1", "b1", "a2"])
  }

  @Test(arguments: QueueKind.allCases) func anAppServedLongAgoGoesBeforeTheAppJustServed(kind: QueueKind) async throws {
    let (queue, apps) = try await kind.make()
    _ = try await queue.submit(video(apps[0], "a0"), now: at(0))
    #expect(try await claim(queue, "w", at: 1)?.object == "a0")
    for index in 0..<3 { _ = try await queue.submit(video(apps[1], "b\(index)"), now: at(2)) }
    #expect(try await claim(queue, "w", at: 3)?.object == "b0")
    // a comes back with work after b was served: a's turn is older, although its job is newer.
    _ = try await queue.submit(video(apps[0], "a1"), now: at(4))
    #expect(try await claim(queue, "w", at: 5)?.object == "a1")
    #expect(try await claim(queue, "w", at: 5)?.object == "b1")
  }

  @Test(arguments: QueueKind.allCases) func aBacklogLimitRefusesWholeSubmissionsAndCountsUnfinishedJobs(
    kind: QueueKind
  )
    async throws
  {
    let (queue, apps) = try await kind.make()
    _ = try await queue.submit(video(apps[0], "a0"), backlogLimit: 3, now: at(0))
    _ = try await queue.submitBatch(
      [video(apps[0], "a1"), video(apps[0], "a2")],
      appID: apps[0],
      backlogLimit: 3,
      now: at(0)
    )
    await #expect(throws: JobBacklogFull(appID: apps[0], unfinished: 3, submitted: 1, limit: 3)) {
      try await queue.submit(video(apps[0], "refused"), backlogLimit: 3, now: at(1))
    }
    _ = try await queue.submit(video(apps[1], "b0"), backlogLimit: 3, now: at(1))
    // A running job is still unfinished; a finished one no longer counts.
    let running = try #require(try await claim(queue, "w", at: 2))
    #expect(running.object == "a0")
    await #expect(throws: JobBacklogFull.self) {
      try await queue.submit(video(apps[0], "refused"), backlogLimit: 3, now: at(2))
    }
    #expect(try await queue.settle(try #require(running.lease), .succeeded(result: "{}"), now: at(3)))
    await #expect(throws: JobBacklogFull(appID: apps[0], unfinished: 2, submitted: 2, limit: 3)) {
      try await queue.submitBatch(
        [video(apps[0], "refused"), video(apps[0], "refused")],
        appID: apps[0],
        backlogLimit: 3,
        now: at(4)
      )
    }
    _ = try await queue.submit(video(apps[0], "a3"), backlogLimit: 3, now: at(4))
    var queued: [String] = []
    while let job = try await claim(queue, "w", at: 10) { queued.append(job.object) }
    #expect(queued.sorted() == ["a1", "a2", "a3", "b0"], "nothing of a refused submission was stored")
  }

  @Test(arguments: QueueKind.allCases) func writesNeedTheCurrentLease(kind: QueueKind) async throws {
    let (queue, apps) = try await kind.make()
    let job = try await queue.submit(video(apps[0]), now: at(0))
    let lease = try #require(try await claim(queue, "w1", at: 1)?.lease)
    #expect(try await queue.update(lease, message: "decoding", progress: 0.5, leaseExpiresAt: at(30)))
    let stale = JobLease(jobID: job.id, owner: "w1", attempt: lease.attempt + 1)
    let stranger = JobLease(jobID: job.id, owner: "w2", attempt: lease.attempt)
    #expect(try await !queue.update(stale, message: "x", progress: nil, leaseExpiresAt: at(30)))
    #expect(try await !queue.settle(stranger, .succeeded(result: "{}"), now: at(2)))
    let running = try #require(try await queue.job(id: job.id, appID: apps[0]))
    #expect(running.message == "decoding" && running.progress == 0.5 && running.leaseExpiresAt == at(30))
    #expect(try await queue.settle(lease, .succeeded(result: #"{"a":1}"#), now: at(3)))
    #expect(try await !queue.settle(lease, .failed(message: "late"), now: at(4)))
    let done = try #require(try await queue.job(id: job.id, appID: apps[0]))
    #expect(done.state == .succeeded && done.message == "success" && done.result == #"{"a":1}"#)
    #expect(done.finishedAt == at(3) && done.leaseOwner == nil && done.progress == 1)
  }

  @Test(arguments: QueueKind.allCases) func failuresRetriesAndReleases(kind: QueueKind) async throws {
    let (queue, apps) = try await kind.make()
    let job = try await queue.submit(video(apps[0]), now: at(0))
    let first = try #require(try await claim(queue, "w1", at: 1)?.lease)
    #expect(try await queue.settle(first, .retry(message: "retrying after: timeout", runAfter: at(20)), now: at(2)))
    #expect(try await queue.job(id: job.id, appID: apps[0])?.state == .queued)
    #expect(try await claim(queue, "w1", at: 19) == nil)
    let second = try #require(try await claim(queue, "w1", at: 20))
    #expect(second.attempts == 2)
    #expect(try await queue.settle(try #require(second.lease), .released(message: "requeued"), now: at(21)))
    let released = try #require(try await queue.job(id: job.id, appID: apps[0]))
    #expect(released.state == .queued && released.attempts == 1 && released.message == "requeued")
    let third = try #require(try await claim(queue, "w2", at: 21))
    #expect(third.attempts == 2)
    #expect(try await queue.settle(try #require(third.lease), .failed(message: "bad input"), now: at(22)))
    let failed = try #require(try await queue.job(id: job.id, appID: apps[0]))
    #expect(failed.state == .failed && failed.message == "bad input" && failed.result.isEmpty)
    #expect(try await claim(queue, "w3", at: 100) == nil)
  }

  @Test(arguments: QueueKind.allCases) func anExpiredLeaseIsTakenOverAndTheOldRunCannotFinish(
    kind: QueueKind
  )
    async throws
  {
    let (queue, apps) = try await kind.make()
    let job = try await queue.submit(video(apps[0]), now: at(0))
    let old = try #require(try await claim(queue, "dead", at: 1)?.lease)
    #expect(try await claim(queue, "w2", at: 10) == nil)
    let taken = try #require(try await claim(queue, "w2", at: 11))
    #expect(taken.id == job.id && taken.attempts == 2 && taken.startedAt == at(1))
    #expect(try await !queue.settle(old, .succeeded(result: "old"), now: at(12)))
    #expect(try await queue.settle(try #require(taken.lease), .succeeded(result: "new"), now: at(13)))
    #expect(try await queue.job(id: job.id, appID: apps[0])?.result == "new")
  }

  @Test(arguments: QueueKind.allCases) func aJobInterruptedTooOftenFails(kind: QueueKind) async throws {
    let (queue, apps) = try await kind.make()
    let job = try await queue.submit(video(apps[0]), now: at(0))
    for attempt in 1...3 {
      #expect(try await claim(queue, "crashing", at: Double(attempt) * 100, maxAttempts: 3)?.attempts == attempt)
    }
    #expect(try await claim(queue, "w", at: 1000, maxAttempts: 3) == nil)
    let failed = try #require(try await queue.job(id: job.id, appID: apps[0]))
    #expect(failed.state == .failed && failed.message.contains("interrupted 3 times"))
  }

  @Test(arguments: QueueKind.allCases) func expiringLeasesAtStartRequeuesRunningJobsAtOnce(
    kind: QueueKind
  )
    async throws
  {
    let (queue, apps) = try await kind.make()
    let job = try await queue.submit(video(apps[0]), now: at(0))
    _ = try await claim(queue, "dead", at: 1, lease: 3600)
    #expect(try await queue.expireLeases(now: at(2)) == 1)
    #expect(try await queue.job(id: job.id, appID: apps[0])?.message == "requeued after an interrupted run")
    #expect(try await claim(queue, "restarted", at: 2)?.attempts == 2)
  }

  @Test(arguments: QueueKind.allCases) func purgeKeepsRecentAndUnfinishedWork(kind: QueueKind) async throws {
    let (queue, apps) = try await kind.make()
    let old = try await queue.submit(video(apps[0]), now: at(0))
    let recent = try await queue.submit(video(apps[0]), now: at(0))
    let running = try await queue.submit(video(apps[0]), now: at(0))
    let (batchID, _) = try await queue.submitBatch([video(apps[0]), video(apps[0])], appID: apps[0], now: at(0))
    func finish(at time: TimeInterval) async throws -> Int64 {
      let job = try #require(try await claim(queue, "w", at: time))
      #expect(try await queue.settle(try #require(job.lease), .succeeded(result: "{}"), now: at(time)))
      return job.id
    }
    #expect(try await finish(at: 10) == old.id)
    #expect(try await finish(at: 500) == recent.id)
    #expect(try await claim(queue, "w", at: 10, lease: 3600)?.id == running.id)
    _ = try await finish(at: 10)
    #expect(try await queue.purge(finishedBefore: at(100)) == 1)
    #expect(try await queue.job(id: old.id, appID: apps[0]) == nil)
    #expect(try await queue.job(id: recent.id, appID: apps[0]) != nil)
    #expect(try await queue.job(id: running.id, appID: apps[0]) != nil)
    #expect(try await queue.batch(id: batchID, appID: apps[0])?.count == 2, "half-finished batch kept whole")
    _ = try await finish(at: 20)
    #expect(try await queue.purge(finishedBefore: at(100)) == 2)
    #expect(try await queue.batch(id: batchID, appID: apps[0]) == nil)
  }

  private func claim(
    _ queue: any JobQueue,
    _ owner: String,
    at time: TimeInterval,
    maxAttempts: Int = 3,
    lease: TimeInterval = 10
  ) async throws -> Job? {
    try await queue.claim(owner: owner, leaseDuration: lease, maxAttempts: maxAttempts, now: at(time))
  }
}
