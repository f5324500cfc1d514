import Foundation
import LoupeJobs
import LoupeServices

/// A job as PAI's `get_async_job` and `get_batch_job_with_id` return it. `progress` (0–1 within
/// the current step) is Loupe's addition; clients that do not know it ignore it.
struct JobPayload: Encodable {
  var id: Int64
  var batchID: Int64?
  var appID: String
  var state: Int
  var message: String
  var createTime: String
  var type: String?
  var object: String?
  var result: String
  var progress: Double

  enum CodingKeys: String, CodingKey {
    case id, state, message, type, object, progress
    case batchID = "batch_id"
    case appID = "app_id"
    case createTime = "create_time"
    case result = "Result"
  }

  /// The single-job shape: `type`, no batch fields.
  static func single(_ job: Job) -> JobPayload {
    JobPayload(
      id: job.id,
      batchID: nil,
      appID: job.appID,
      state: job.state.rawValue,
      message: job.message,
      createTime: RFC3339Time.string(from: job.createdAt),
      type: job.kind,
      object: nil,
      result: job.result,
      progress: job.progress.rounded(to: 3)
    )
  }

  /// The batch-entry shape: `batch_id` and `object`.
  static func batchEntry(_ job: Job) -> JobPayload {
    JobPayload(
      id: job.id,
      batchID: job.batchID,
      appID: job.appID,
      state: job.state.rawValue,
      message: job.message,
      createTime: RFC3339Time.string(from: job.createdAt),
      type: nil,
      object: job.object,
      result: job.result,
      progress: job.progress.rounded(to: 3)
    )
  }
}
