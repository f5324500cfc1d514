/// A worker's claim on a running job. Every write a worker makes names its lease, and the queue
/// applies it only while the job is still running under that same owner and attempt, so a worker
/// that lost its job (lease expired, job reclaimed) can never overwrite the newer run's result.
public struct JobLease: Sendable, Equatable, Hashable {
  public var jobID: Int64
  public var owner: String
  public var attempt: Int

  public init(jobID: Int64, owner: String, attempt: Int) {
    self.jobID = jobID
    self.owner = owner
    self.attempt = attempt
  }
}
