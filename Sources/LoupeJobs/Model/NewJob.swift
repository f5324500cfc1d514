import Foundation

/// A job as submitted, before the queue gives it an id.
public struct NewJob: Sendable, Equatable {
  public var appID: String
  public var kind: String
  public var action: String
  public var object: String
  public var request: String

  public init(appID: String, kind: String, action: String, object: String, request: String) {
    self.appID = appID
    self.kind = kind
    self.action = action
    self.object = object
    self.request = request
  }
}

extension NewJob {
  /// The job as a queue stores it on submission: queued, under the id and batch it was given.
  func queued(id: Int64, batchID: Int64?, at now: Date) -> Job {
    Job(
      id: id,
      appID: appID,
      batchID: batchID,
      kind: kind,
      action: action,
      object: object,
      request: request,
      createdAt: now
    )
  }
}
