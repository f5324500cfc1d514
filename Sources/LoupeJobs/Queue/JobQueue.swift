import Foundation

/// Where jobs live between submission and cleanup. The live value is `SQLiteJobQueue`;
/// `InMemoryJobQueue` is the deterministic test value, and both pass the same contract tests.
///
/// Writes from a worker name its `JobLease` and return `false`, changing nothing, when the job
/// is no longer running under that lease.
public protocol JobQueue: Sendable {
  /// Signalled after every successful `submit` and `submitBatch`: idle workers of this process
  /// claim at once instead of at their next poll.
  var arrivals: JobArrivals { get }

  /// Stores a job in state `queued`. With a `backlogLimit`, throws `JobBacklogFull` and stores
  /// nothing when the app's unfinished (queued or running) jobs would then be more than the
  /// limit; the count and the insert are one atomic step, so concurrent submissions cannot
  /// together pass the limit.
  func submit(_ job: NewJob, backlogLimit: Int?, now: Date) async throws -> Job

  /// Stores a batch and its jobs, all or nothing; `backlogLimit` as for `submit`, counting every
  /// job of the batch.
  func submitBatch(
    _ jobs: [NewJob],
    appID: String,
    backlogLimit: Int?,
    now: Date
  ) async throws -> (batchID: Int64, jobs: [Job])

  /// The job, if it exists and belongs to the app.
  func job(id: Int64, appID: String) async throws -> Job?

  /// The batch's jobs in submission order, if the batch exists and belongs to the app.
  func batch(id: Int64, appID: String) async throws -> [Job]?

  /// Takes a runnable job (queued and due, or running under an expired lease), marks it running
  /// under a new lease for `owner` and counts the attempt. A job whose lease expired after
  /// `maxAttempts` runs is failed instead of run again.
  ///
  /// Claims take turns across apps, so one app's backlog cannot hold up the others: the claim
  /// serves, among the apps with a runnable job, the one served least recently (an app never
  /// served before comes first; such apps go in the order of their first submission), and takes
  /// that app's oldest runnable job (earliest `runAfter`, then lowest id). With k apps waiting,
  /// each gets every k-th claim, however many jobs the others have queued.
  func claim(owner: String, leaseDuration: TimeInterval, maxAttempts: Int, now: Date) async throws -> Job?

  /// Records the current step and progress (either may be nil to keep it) and extends the lease.
  func update(_ lease: JobLease, message: String?, progress: Double?, leaseExpiresAt: Date) async throws -> Bool

  /// Ends a run.
  func settle(_ lease: JobLease, _ outcome: JobOutcome, now: Date) async throws -> Bool

  /// Makes every running job's lease expire now, so it is claimed again. Only for a store that a
  /// single process owns, at that process's start: any running job there was left by a dead run.
  func expireLeases(now: Date) async throws -> Int

  /// Deletes finished jobs older than `cutoff`; a batch goes only once all its jobs are finished
  /// before it. Returns how many jobs were deleted.
  func purge(finishedBefore cutoff: Date) async throws -> Int
}

extension JobQueue {
  /// Stores a job with no limit on its app's backlog: for operators and tests. Clients' jobs
  /// come in through the application's admission, which passes its limit.
  public func submit(_ job: NewJob, now: Date) async throws -> Job {
    try await submit(job, backlogLimit: nil, now: now)
  }

  /// Stores a batch with no limit on its app's backlog: for operators and tests.
  public func submitBatch(_ jobs: [NewJob], appID: String, now: Date) async throws -> (batchID: Int64, jobs: [Job]) {
    try await submitBatch(jobs, appID: appID, backlogLimit: nil, now: now)
  }
}
