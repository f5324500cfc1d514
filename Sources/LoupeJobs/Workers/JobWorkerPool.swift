import Foundation
import Logging
import Metrics
import ServiceLifecycle

/// A fixed number of workers that claim jobs from the queue and run them, renewing each job's
/// lease while it runs, plus a sweeper that deletes finished jobs past their retention.
///
/// On graceful shutdown the workers stop claiming; running jobs are cancelled and released back
/// to the queue without counting the attempt, so they run again from the start after restart.
///
/// Handlers run with `executor` as their task executor when one is given. Jobs are minutes of
/// decoding and pixel arithmetic between model calls; on Swift's cooperative pool (one thread
/// per core) that work would leave requests, lease renewals and health checks waiting behind it.
public struct JobWorkerPool: Service, CustomStringConvertible {
  public struct Configuration: Sendable, Equatable {
    /// Concurrent jobs. Each job's models already use every core for one frame, so one worker
    /// per two cores keeps a 2-core machine busy without oversubscribing it.
    public var workers = max(1, ProcessInfo.processInfo.activeProcessorCount / 2)
    public var retry = RetryPolicy()
    /// A worker that stops renewing (a crash, a hung host) loses its job after this long.
    public var leaseDuration: TimeInterval = 60
    /// How often idle workers look for due jobs; a submission in this process wakes them at once
    /// (`JobArrivals`).
    public var pollInterval: Duration = .milliseconds(250)
    /// Finished jobs are kept this long, then deleted.
    public var retention: TimeInterval = 7 * 24 * 3600
    public var sweepInterval: Duration = .seconds(600)
    /// This process is the only one running workers on the store (on the embedded SQLite store it
    /// holds the data directory's `serve.lock`; API-only processes run none): a job found running
    /// at start was left by a dead run and is taken up again at once instead of after its lease.
    public var recoverOnStart = true

    public init() {}
  }

  let queue: any JobQueue
  let handler: any JobHandler
  let configuration: Configuration
  let logger: Logger
  let now: @Sendable () -> Date
  let owner: String
  let executor: (any TaskExecutor)?

  public init(
    queue: any JobQueue,
    handler: any JobHandler,
    configuration: Configuration = Configuration(),
    logger: Logger,
    executor: (any TaskExecutor)? = nil,
    now: @escaping @Sendable () -> Date = Date.init
  ) {
    self.executor = executor
    self.queue = queue
    self.handler = handler
    self.configuration = configuration
    self.logger = logger
    self.now = now
    owner = "\(ProcessInfo.processInfo.hostName)/\(getpid())/\(UUID().uuidString.prefix(8))"
  }

  public func run() async throws {
    if configuration.recoverOnStart {
      let recovered = try await queue.expireLeases(now: now())
      if recovered > 0 {
        logger.notice("requeued jobs an earlier run left running", metadata: ["jobs": "\(recovered)"])
      }
    }
    await cancelWhenGracefulShutdown {
      await withTaskGroup(of: Void.self) { group in
        for _ in 0..<configuration.workers { group.addTask { await work() } }
        group.addTask { await sweep() }
      }
    }
  }

  private func work() async {
    while !Task.isCancelled {
      let mark = queue.arrivals.mark
      let claimed: Job?
      do {
        claimed = try await queue.claim(
          owner: owner,
          leaseDuration: configuration.leaseDuration,
          maxAttempts: configuration.retry.maxAttempts,
          now: now()
        )
      } catch {
        if !Task.isCancelled { logger.error("claiming a job failed", metadata: ["error": "\(error)"]) }
        claimed = nil
      }
      guard let job = claimed, let lease = job.lease else {
        await queue.arrivals.wait(after: mark, upTo: configuration.pollInterval)
        continue
      }
      await execute(job, lease: lease)
    }
  }

  private func execute(_ job: Job, lease: JobLease) async {
    var logger = logger
    logger[metadataKey: "job_id"] = "\(job.id)"
    logger[metadataKey: "app_id"] = "\(job.appID)"
    logger.info("job started", metadata: ["action": "\(job.action)", "attempt": "\(job.attempts)"])
    let started = ContinuousClock.now
    let context = JobContext(
      job: job,
      lease: lease,
      queue: queue,
      leaseDuration: configuration.leaseDuration,
      now: now
    )
    let outcome: JobOutcome?
    do {
      outcome = .succeeded(result: try await runRenewingLease(job, context: context))
    } catch {
      outcome = self.outcome(of: error, job: job)
    }
    guard let outcome else {
      logger.warning("job lease lost; another run owns it now")
      return
    }
    // The settling write must happen even when shutdown has cancelled this task.
    let settled = await Task.detached { [queue, now] in
      try await queue.settle(lease, outcome, now: now())
    }.result
    let elapsed = ContinuousClock.now - started
    let dimensions = [("kind", job.kind), ("action", job.action)]
    Counter(label: "loupe_job_runs_total", dimensions: dimensions + [("outcome", outcome.name)]).increment()
    Timer(label: "loupe_job_run_duration_seconds", dimensions: dimensions, preferredDisplayUnit: .seconds)
      .record(duration: elapsed)
    switch settled {
    case .success(true):
      logger.info("job ended", metadata: ["outcome": "\(outcome.summary)", "duration": "\(elapsed)"])
    case .success(false): logger.warning("job lease lost before its outcome was recorded")
    case .failure(let error): logger.error("recording a job's outcome failed", metadata: ["error": "\(error)"])
    }
  }

  private func outcome(of error: any Error, job: Job) -> JobOutcome? {
    if error is JobLeaseLost { return nil }
    if Task.isCancelled { return .released(message: JobMessage.requeuedAtShutdown) }
    switch error {
    case JobError.transient(let message) where job.attempts < configuration.retry.maxAttempts:
      let delay = configuration.retry.backoff(afterAttempt: job.attempts)
      return .retry(message: "retrying after: \(message)", runAfter: now().addingTimeInterval(delay))
    case let error as JobError:
      return .failed(message: error.description)
    default:
      // Unexpected errors may carry SQL, file paths or addresses: the job's message, which its
      // client reads, is stable; the log has the error itself.
      logger.error(
        "job failed unexpectedly",
        metadata: ["job_id": "\(job.id)", "error": "\(String(reflecting: error))"]
      )
      return .failed(message: JobMessage.unexpectedFailure)
    }
  }

  /// Runs the handler while a sibling task renews the lease; losing the lease cancels the handler.
  private func runRenewingLease(_ job: Job, context: JobContext) async throws -> String {
    let renewEvery = Duration.seconds(configuration.leaseDuration / 3)
    return try await withThrowingTaskGroup(of: String?.self) { group in
      group.addTask(executorPreference: executor) { try await handler.run(job, context: context) }
      group.addTask {
        while true {
          try await Task.sleep(for: renewEvery)
          try await context.renew()
        }
      }
      defer { group.cancelAll() }
      while let finished = try await group.next() {
        if let result = finished { return result }
      }
      throw CancellationError()
    }
  }

  private func sweep() async {
    while !Task.isCancelled {
      do {
        let purged = try await queue.purge(finishedBefore: now().addingTimeInterval(-configuration.retention))
        if purged > 0 { logger.info("deleted finished jobs past retention", metadata: ["jobs": "\(purged)"]) }
      } catch {
        if !Task.isCancelled { logger.error("deleting old jobs failed", metadata: ["error": "\(error)"]) }
      }
      try? await Task.sleep(for: configuration.sweepInterval)
    }
  }
}

extension JobWorkerPool {
  /// ServiceLifecycle names every service by `"\(service)"` when a group is made; without this the
  /// reflection of everything the service holds (the models' tables, the vocabularies' vectors) was
  /// printed, 2.6 s of CPU at every start in a release build.
  public var description: String { "JobWorkerPool" }
}
