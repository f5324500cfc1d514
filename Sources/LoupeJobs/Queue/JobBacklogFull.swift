/// A submission refused because it would take its app's unfinished (queued or running) jobs
/// over the limit the submitter passed. Nothing of the submission was stored.
public struct JobBacklogFull: Error, Equatable, Sendable, CustomStringConvertible {
  public var appID: String
  /// The app's unfinished jobs when the submission was refused.
  public var unfinished: Int
  /// The jobs the submission held.
  public var submitted: Int
  public var limit: Int

  public init(appID: String, unfinished: Int, submitted: Int, limit: Int) {
    self.appID = appID
    self.unfinished = unfinished
    self.submitted = submitted
    self.limit = limit
  }

  /// Refuses `submitted` more jobs when `unfinished` are already waiting or running.
  static func check(appID: String, unfinished: Int, submitted: Int, limit: Int?) throws {
    guard let limit, unfinished + submitted > limit else { return }
    throw JobBacklogFull(appID: appID, unfinished: unfinished, submitted: submitted, limit: limit)
  }

  public var description: String {
    "app \(appID) has \(unfinished) unfinished jobs; \(submitted) more would exceed the limit of \(limit)"
  }
}
