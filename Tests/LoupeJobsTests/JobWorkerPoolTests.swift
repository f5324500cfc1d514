import Foundation
import Logging
import LoupeJobs
import LoupeTestSupport
import ServiceLifecycle
import Synchronization
import Testing

@Suite struct JobWorkerPoolTests {
  @Test(arguments: QueueKind.allCases) func runsJobsToTheirOutcome(kind: QueueKind) async throws {
    let (queue, apps) = try await kind.make()
    let handler = ScriptedHandler()
    let objects = ["ok", "transient-1", "transient-5", "permanent", "crash"]
    let (batchID, _) = try await queue.submitBatch(
      objects.map { video(apps[0], $0) },
      appID: apps[0],
      now: Date()
    )
    try await runPool(queue: queue, handler: handler, workers: 2) {
      try await waitUntil { try await queue.batch(id: batchID, appID: apps[0])?.allSatisfy(\.state.isFinished) == true }
    }
    let jobs = try #require(try await queue.batch(id: batchID, appID: apps[0]))
    let byObject = Dictionary(uniqueKeysWithValues: jobs.map { ($0.object, $0) })
    #expect(byObject["ok"]?.state == .succeeded && byObject["ok"]?.result == #"{"object":"ok"}"#)
    #expect(byObject["ok"]?.attempts == 1)
    #expect(byObject["transient-1"]?.state == .succeeded && byObject["transient-1"]?.attempts == 2)
    #expect(byObject["transient-5"]?.state == .failed && byObject["transient-5"]?.attempts == 3)
    #expect(byObject["transient-5"]?.message == "download timed out")
    #expect(byObject["permanent"]?.state == .failed && byObject["permanent"]?.attempts == 1)
    #expect(byObject["permanent"]?.message == "unusable input")
    #expect(byObject["crash"]?.state == .failed && byObject["crash"]?.attempts == 1)
    // What the client reads of an unexpected error is stable; its detail goes to the log.
    #expect(byObject["crash"]?.message == JobMessage.unexpectedFailure)
    #expect(await handler.peakConcurrency <= 2)
  }

  @Test func workersNeverRunMoreJobsThanConfigured() async throws {
    let (queue, apps) = try await QueueKind.memory.make()
    let handler = ScriptedHandler()
    for _ in 0..<6 { _ = try await queue.submit(video(apps[0], "ok"), now: Date()) }
    try await runPool(queue: queue, handler: handler, workers: 3) {
      try await waitUntil { await handler.runs.count == 6 }
    }
    #expect(await handler.peakConcurrency == 3)
  }

  @Test(arguments: QueueKind.allCases) func shutdownReleasesRunningJobsWithoutCountingTheRun(
    kind: QueueKind
  )
    async throws
  {
    let (queue, apps) = try await kind.make()
    let job = try await queue.submit(video(apps[0], "block"), now: Date())
    try await runPool(queue: queue, handler: ScriptedHandler(), workers: 1) {
      try await waitUntil { try await queue.job(id: job.id, appID: apps[0])?.message == "working" }
    }
    let released = try #require(try await queue.job(id: job.id, appID: apps[0]))
    #expect(released.state == .queued && released.attempts == 0 && released.message == "requeued at server shutdown")
  }

  @Test(arguments: QueueKind.allCases) func aRestartedPoolFinishesTheJobAnEarlierRunLeftRunning(
    kind: QueueKind
  )
    async throws
  {
    let (queue, apps) = try await kind.make()
    let job = try await queue.submit(video(apps[0], "ok"), now: Date())
    // A run that died: the job is running under a long lease nobody will renew.
    _ = try await queue.claim(owner: "dead", leaseDuration: 3600, maxAttempts: 3, now: Date())
    let handler = ScriptedHandler()
    try await runPool(queue: queue, handler: handler, workers: 1) {
      try await waitUntil { try await queue.job(id: job.id, appID: apps[0])?.state == .succeeded }
    }
    #expect(await handler.runs == [job.id])
    #expect(try await queue.job(id: job.id, appID: apps[0])?.attempts == 2)
  }

  @Test(arguments: QueueKind.allCases) func aSubmissionWakesIdleWorkers(kind: QueueKind) async throws {
    let (queue, apps) = try await kind.make()
    let handler = ScriptedHandler()
    var configuration = JobWorkerPool.Configuration()
    configuration.workers = 1
    // Polling alone would find the job only after an hour.
    configuration.pollInterval = .seconds(3600)
    var logger = Logger(label: "jobs-test")
    logger.logLevel = .critical
    let pool = JobWorkerPool(queue: queue, handler: handler, configuration: configuration, logger: logger)
    try await runUntilDone(pool, logger: logger) {
      // Let the worker find the queue empty and start waiting.
      try await Task.sleep(for: .milliseconds(200))
      let job = try await queue.submit(video(apps[0], "ok"), now: Date())
      try await waitUntil { try await queue.job(id: job.id, appID: apps[0])?.state == .succeeded }
    }
  }

  /// ServiceLifecycle names a service by interpolating it when a group is made; a pool's handler
  /// holds the whole application, whose reflection took seconds of every server start.
  @Test func aServiceGroupNamesThePoolByItsTypeAlone() async throws {
    let (queue, _) = try await QueueKind.memory.make()
    let pool = JobWorkerPool(queue: queue, handler: ScriptedHandler(), logger: Logger(label: "jobs-test"))
    #expect(ServiceGroupConfiguration.ServiceConfiguration(service: pool).serviceName == "JobWorkerPool")
  }

  @Test func handlersRunOnTheGivenExecutor() async throws {
    let (queue, apps) = try await QueueKind.memory.make()
    let job = try await queue.submit(video(apps[0], "ok"), now: Date())
    let executor = MarkedExecutor()
    let handler = ExecutorRecordingHandler()
    var logger = Logger(label: "jobs-test")
    logger.logLevel = .critical
    var configuration = JobWorkerPool.Configuration()
    configuration.pollInterval = .milliseconds(20)
    let pool = JobWorkerPool(
      queue: queue,
      handler: handler,
      configuration: configuration,
      logger: logger,
      executor: executor
    )
    try await runUntilDone(pool, logger: logger) {
      try await waitUntil { try await queue.job(id: job.id, appID: apps[0])?.state == .succeeded }
    }
    #expect(handler.ranOnExecutor.withLock { $0 } == [true])
  }

  @Test func finishedJobsArePurgedAfterTheirRetention() async throws {
    let (queue, apps) = try await QueueKind.memory.make()
    let job = try await queue.submit(video(apps[0], "ok"), now: Date())
    var configuration = JobWorkerPool.Configuration()
    configuration.retention = 0.2
    configuration.sweepInterval = .milliseconds(50)
    let handler = ScriptedHandler()
    try await runPool(queue: queue, handler: handler, configuration: configuration) {
      // Success may last less than a poll here, so the test waits for the deletion itself.
      try await waitUntil { try await queue.job(id: job.id, appID: apps[0]) == nil }
    }
    #expect(await handler.runs == [job.id])
  }

  private func runPool(
    queue: any JobQueue,
    handler: any JobHandler,
    workers: Int,
    _ body: @escaping () async throws -> Void
  ) async throws {
    var configuration = JobWorkerPool.Configuration()
    configuration.workers = workers
    try await runPool(queue: queue, handler: handler, configuration: configuration, body)
  }

  private func runPool(
    queue: any JobQueue,
    handler: any JobHandler,
    configuration: JobWorkerPool.Configuration,
    _ body: @escaping () async throws -> Void
  ) async throws {
    var configuration = configuration
    configuration.retry = RetryPolicy(maxAttempts: 3, initialBackoff: 0.05, multiplier: 2, maxBackoff: 1)
    configuration.pollInterval = .milliseconds(20)
    var logger = Logger(label: "jobs-test")
    logger.logLevel = .critical
    let pool = JobWorkerPool(queue: queue, handler: handler, configuration: configuration, logger: logger)
    try await runUntilDone(pool, logger: logger, body)
  }
}

/// Polls `condition` until it holds; fails after `timeout`, which is generous because it bounds
/// progress, not speed: in the full suite, model-heavy tests can hold both cores for a while.
func waitUntil(
  timeout: Duration = .seconds(300),
  _ condition: @escaping () async throws -> Bool,
  sourceLocation: SourceLocation = #_sourceLocation
) async throws {
  let deadline = ContinuousClock.now + timeout
  while ContinuousClock.now < deadline {
    if try await condition() { return }
    try await Task.sleep(for: .milliseconds(20))
  }
  Issue.record("condition not met within \(timeout)", sourceLocation: sourceLocation)
  throw CancellationError()
}

/// A Dispatch-backed executor that marks its threads, so a handler can tell where it runs.
final class MarkedExecutor: TaskExecutor {
  static let key = DispatchSpecificKey<Bool>()
  private let queue = DispatchQueue(label: "marked", attributes: .concurrent)

  init() { queue.setSpecific(key: Self.key, value: true) }

  func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
  }
}

/// Succeeds at once, recording whether it ran on a `MarkedExecutor`'s thread.
final class ExecutorRecordingHandler: JobHandler {
  let ranOnExecutor = Mutex<[Bool]>([])

  func run(_ job: Job, context: JobContext) async throws -> String {
    let marked = DispatchQueue.getSpecific(key: MarkedExecutor.key) ?? false
    ranOnExecutor.withLock { $0.append(marked) }
    return "{}"
  }
}
