import Foundation

/// One unit of asynchronous work and everything a client may ask about it.
public struct Job: Sendable, Equatable, Identifiable {
  public var id: Int64
  public var appID: String
  public var batchID: Int64?
  /// PAI's `type`: `Video`, `Image`.
  public var kind: String
  public var action: String
  /// The input the job works on (PAI's batch `object`): usually the media URL.
  public var object: String
  /// The validated request, as JSON the job's handler reads.
  public var request: String
  public var state: JobState
  /// The step the job is at ("video downloading", "decoding", …), "success", or why it failed.
  public var message: String
  /// How far the current step is, 0…1.
  public var progress: Double
  /// PAI's `Result`: a JSON document as a string, empty until the job succeeds.
  public var result: String
  /// Runs started so far, including runs that a crash or restart interrupted.
  public var attempts: Int
  public var createdAt: Date
  /// Not claimed before this time (retry backoff).
  public var runAfter: Date
  public var startedAt: Date?
  public var finishedAt: Date?
  public var leaseOwner: String?
  public var leaseExpiresAt: Date?

  public init(
    id: Int64,
    appID: String,
    batchID: Int64? = nil,
    kind: String,
    action: String,
    object: String,
    request: String,
    state: JobState = .queued,
    message: String = JobMessage.queued,
    progress: Double = 0,
    result: String = "",
    attempts: Int = 0,
    createdAt: Date,
    runAfter: Date? = nil,
    startedAt: Date? = nil,
    finishedAt: Date? = nil,
    leaseOwner: String? = nil,
    leaseExpiresAt: Date? = nil
  ) {
    self.id = id
    self.appID = appID
    self.batchID = batchID
    self.kind = kind
    self.action = action
    self.object = object
    self.request = request
    self.state = state
    self.message = message
    self.progress = progress
    self.result = result
    self.attempts = attempts
    self.createdAt = createdAt
    self.runAfter = runAfter ?? createdAt
    self.startedAt = startedAt
    self.finishedAt = finishedAt
    self.leaseOwner = leaseOwner
    self.leaseExpiresAt = leaseExpiresAt
  }

  /// The claim this job is running under, when it is running.
  public var lease: JobLease? {
    guard state == .running, let leaseOwner else { return nil }
    return JobLease(jobID: id, owner: leaseOwner, attempt: attempts)
  }
}
