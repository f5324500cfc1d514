import Foundation
import LoupeJobs

/// A job as the `jobs` commands print it.
struct JobSummary: Encodable {
  var id: Int64
  var appID: String
  var batchID: Int64?
  var kind: String
  var action: String
  var object: String
  var state: Int
  var message: String
  var attempts: Int
  var createdAt: String
  var finishedAt: String?
  var result: String?

  enum CodingKeys: String, CodingKey {
    case id, kind, action, object, state, message, attempts, result
    case appID = "app_id"
    case batchID = "batch_id"
    case createdAt = "created_at"
    case finishedAt = "finished_at"
  }

  init(_ job: Job, includingResult: Bool) {
    let formatter = ISO8601DateFormatter()
    id = job.id
    appID = job.appID
    batchID = job.batchID
    kind = job.kind
    action = job.action
    object = job.object
    state = job.state.rawValue
    message = job.message
    attempts = job.attempts
    createdAt = formatter.string(from: job.createdAt)
    finishedAt = job.finishedAt.map(formatter.string(from:))
    result = includingResult ? job.result : nil
  }

  var line: String {
    [String(id), appID, batchID.map(String.init) ?? "-", action, "state \(state)", "attempts \(attempts)", message]
      .joined(separator: "\t")
  }
}
