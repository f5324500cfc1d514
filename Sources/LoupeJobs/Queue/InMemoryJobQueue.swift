import Foundation

/// A `JobQueue` in memory, with the live queue's semantics: deterministic, for tests of the
/// worker pool and of routes that should not need a database. Lost with the process.
public actor InMemoryJobQueue: JobQueue {
  private var jobs: [Int64: Job] = [:]
  private var batches: [Int64: (appID: String, createdAt: Date)] = [:]
  private var nextJobID: Int64 = 1
  private var nextBatchID: Int64 = 1
  private var turns = AppTurns()
  public nonisolated let arrivals = JobArrivals()

  public init() {}

  public func submit(_ job: NewJob, backlogLimit: Int?, now: Date) throws -> Job {
    try JobBacklogFull.check(appID: job.appID, unfinished: unfinished(of: job.appID), submitted: 1, limit: backlogLimit)
    defer { arrivals.signal() }
    return insert(job, batchID: nil, now: now)
  }

  public func submitBatch(
    _ jobs: [NewJob],
    appID: String,
    backlogLimit: Int?,
    now: Date
  ) throws -> (batchID: Int64, jobs: [Job]) {
    precondition(!jobs.isEmpty, "a batch holds at least one job")
    try JobBacklogFull.check(
      appID: appID,
      unfinished: unfinished(of: appID),
      submitted: jobs.count,
      limit: backlogLimit
    )
    let batchID = nextBatchID
    nextBatchID += 1
    batches[batchID] = (appID, now)
    defer { arrivals.signal() }
    return (batchID, jobs.map { insert($0, batchID: batchID, now: now) })
  }

  public func job(id: Int64, appID: String) -> Job? {
    jobs[id].flatMap { $0.appID == appID ? $0 : nil }
  }

  public func batch(id: Int64, appID: String) -> [Job]? {
    guard let batch = batches[id], batch.appID == appID else { return nil }
    return jobs.values.filter { $0.batchID == id }.sorted { $0.id < $1.id }
  }

  public func claim(owner: String, leaseDuration: TimeInterval, maxAttempts: Int, now: Date) -> Job? {
    while true {
      let runnable = jobs.values.filter { job in
        (job.state == .queued && job.runAfter <= now)
          || (job.state == .running && (job.leaseExpiresAt ?? .distantFuture) <= now)
      }
      guard let appID = turns.next(among: Set(runnable.map(\.appID))),
        var job = runnable.filter({ $0.appID == appID }).min(by: { ($0.runAfter, $0.id) < ($1.runAfter, $1.id) })
      else { return nil }
      if job.state == .running && job.attempts >= maxAttempts {
        job.state = .failed
        job.message = JobMessage.interrupted(times: job.attempts)
        job.finishedAt = now
        job.leaseOwner = nil
        job.leaseExpiresAt = nil
        jobs[job.id] = job
        continue
      }
      job.state = .running
      job.attempts += 1
      job.leaseOwner = owner
      job.leaseExpiresAt = now.addingTimeInterval(leaseDuration)
      job.startedAt = job.startedAt ?? now
      job.message = JobMessage.started
      job.progress = 0
      jobs[job.id] = job
      turns.serve(appID)
      return job
    }
  }

  public func update(_ lease: JobLease, message: String?, progress: Double?, leaseExpiresAt: Date) -> Bool {
    guard var job = leased(lease) else { return false }
    if let message { job.message = message }
    if let progress { job.progress = progress }
    job.leaseExpiresAt = leaseExpiresAt
    jobs[job.id] = job
    return true
  }

  public func settle(_ lease: JobLease, _ outcome: JobOutcome, now: Date) -> Bool {
    guard var job = leased(lease) else { return false }
    job.leaseOwner = nil
    job.leaseExpiresAt = nil
    switch outcome {
    case .succeeded(let result):
      job.state = .succeeded
      job.message = JobMessage.success
      job.progress = 1
      job.result = result
      job.finishedAt = now
    case .failed(let message):
      job.state = .failed
      job.message = message
      job.finishedAt = now
    case .retry(let message, let runAfter):
      job.state = .queued
      job.message = message
      job.progress = 0
      job.runAfter = runAfter
    case .released(let message):
      job.state = .queued
      job.attempts -= 1
      job.message = message
      job.progress = 0
      job.runAfter = now
    }
    jobs[job.id] = job
    return true
  }

  public func expireLeases(now: Date) -> Int {
    let running = jobs.values.filter { $0.state == .running }
    for var job in running {
      job.leaseExpiresAt = now
      job.message = JobMessage.requeuedAfterRestart
      jobs[job.id] = job
    }
    return running.count
  }

  public func purge(finishedBefore cutoff: Date) -> Int {
    func expired(_ job: Job) -> Bool { job.state.isFinished && (job.finishedAt ?? .distantFuture) < cutoff }
    var doomed = jobs.values.filter { $0.batchID == nil && expired($0) }.map(\.id)
    for batchID in batches.keys {
      let members = jobs.values.filter { $0.batchID == batchID }
      if members.allSatisfy(expired) {
        doomed += members.map(\.id)
        batches[batchID] = nil
      }
    }
    for id in doomed { jobs[id] = nil }
    return doomed.count
  }

  private func leased(_ lease: JobLease) -> Job? {
    guard let job = jobs[lease.jobID], job.state == .running, job.leaseOwner == lease.owner,
      job.attempts == lease.attempt
    else { return nil }
    return job
  }

  private func unfinished(of appID: String) -> Int {
    jobs.values.count(where: { $0.appID == appID && !$0.state.isFinished })
  }

  private func insert(_ job: NewJob, batchID: Int64?, now: Date) -> Job {
    let stored = job.queued(id: nextJobID, batchID: batchID, at: now)
    nextJobID += 1
    jobs[stored.id] = stored
    turns.join(stored.appID)
    return stored
  }
}
