import Foundation

/// A running job's line back to its record: the step it is at and how far along. Writes also
/// extend the lease. Progress within a step is written at most every `progressInterval`, so a
/// handler may report as often as it likes.
public actor JobContext {
  public nonisolated let job: Job
  let lease: JobLease
  let queue: any JobQueue
  let leaseDuration: TimeInterval
  let progressInterval: TimeInterval
  let now: @Sendable () -> Date
  private var lastWrite = Date.distantPast
  private var leaseLost = false

  init(
    job: Job,
    lease: JobLease,
    queue: any JobQueue,
    leaseDuration: TimeInterval,
    progressInterval: TimeInterval = 0.5,
    now: @escaping @Sendable () -> Date
  ) {
    self.job = job
    self.lease = lease
    self.queue = queue
    self.leaseDuration = leaseDuration
    self.progressInterval = progressInterval
    self.now = now
  }

  /// Starts a step: its name becomes the job's `message` and progress restarts at 0.
  public func step(_ message: String) async throws {
    try await write(message: message, progress: 0)
  }

  /// Progress within the current step, 0…1.
  public func progress(_ fraction: Double) async throws {
    guard now().timeIntervalSince(lastWrite) >= progressInterval else { return }
    try await write(message: nil, progress: min(1, max(0, fraction)))
  }

  /// Extends the lease; the worker calls it periodically while the handler runs.
  func renew() async throws {
    try await write(message: nil, progress: nil)
  }

  private func write(message: String?, progress: Double?) async throws {
    guard !leaseLost else { throw JobLeaseLost(jobID: job.id) }
    let time = now()
    lastWrite = time
    let held = try await queue.update(
      lease,
      message: message,
      progress: progress,
      leaseExpiresAt: time.addingTimeInterval(leaseDuration)
    )
    if !held {
      leaseLost = true
      throw JobLeaseLost(jobID: job.id)
    }
  }
}

/// The job is no longer this worker's: its lease expired and another run took it over.
public struct JobLeaseLost: Error, Equatable {
  public var jobID: Int64
}
