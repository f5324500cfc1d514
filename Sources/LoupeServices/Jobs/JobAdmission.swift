import Foundation
import LoupeJobs
import LoupeStore

/// The one way the application queues a client's jobs, so that no app can crowd out the others:
/// a submission costs its app one unit of the daily quota per job (`DailyQuota`), and may not
/// take the app's unfinished (queued or running) jobs over `Configuration.maxUnfinishedPerApp`.
/// Once queued, the queue's claims take turns across apps (`JobQueue.claim`).
///
/// A submission is admitted or refused whole: refused, it stores nothing and costs nothing, with
/// `ServiceError.quotaExceeded` or `ServiceError.tooManyUnfinishedJobs`. The quota is charged
/// first and given back if the queue then refuses the jobs or fails, so while a submission is
/// under way its units are spoken for. Should the process die in between, they stay spent:
/// every failure errs on the side of the quota.
public struct JobAdmission: Sendable {
  public struct Configuration: Sendable, Equatable {
    /// Unfinished jobs one app may have. Enough for ten full batches; bounds how far one app's
    /// work can reach ahead of the others', and the queue's size.
    public var maxUnfinishedPerApp = 1000

    public init() {}
  }

  let queue: any JobQueue
  let quota: DailyQuota
  let configuration: Configuration
  let now: @Sendable () -> Date

  public init(
    queue: any JobQueue,
    quota: DailyQuota,
    configuration: Configuration = Configuration(),
    now: @escaping @Sendable () -> Date = Date.init
  ) {
    self.queue = queue
    self.quota = quota
    self.configuration = configuration
    self.now = now
  }

  /// Queues one job for its app.
  public func submit(_ job: NewJob) async throws -> Job {
    try await admitting(1, appID: job.appID) {
      try await queue.submit(job, backlogLimit: configuration.maxUnfinishedPerApp, now: now())
    }
  }

  /// Queues a batch for `appID`, all or nothing.
  public func submitBatch(_ jobs: [NewJob], appID: String) async throws -> (batchID: Int64, jobs: [Job]) {
    try await admitting(jobs.count, appID: appID) {
      try await queue.submitBatch(jobs, appID: appID, backlogLimit: configuration.maxUnfinishedPerApp, now: now())
    }
  }

  private func admitting<Queued: Sendable>(
    _ jobCount: Int,
    appID: String,
    _ enqueue: () async throws -> Queued
  ) async throws -> Queued {
    let charge = try await quota.charge(jobCount, appID: appID)
    do {
      return try await enqueue()
    } catch {
      // Best effort: a refund that fails leaves the units charged, erring on the quota's side.
      try? await quota.refund(charge)
      if let full = error as? JobBacklogFull {
        throw ServiceError.tooManyUnfinishedJobs(
          unfinished: full.unfinished,
          submitted: full.submitted,
          limit: full.limit
        )
      }
      throw error
    }
  }
}
