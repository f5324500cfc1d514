import Hummingbird
import LoupeJobs

/// `POST /api/v1/async_jobs/{id}` and `GET /api/v1/batch_jobs/{id}`: a job, or a batch's jobs,
/// of the calling app. Another app's ids are as unknown as ids that never existed.
struct JobRoutes {
  let queue: any JobQueue

  struct JobEnvelope: Encodable { var job: JobPayload }
  struct BatchEnvelope: Encodable { var jobs: [JobPayload] }

  func add(to group: RouterGroup<AppRequestContext>) {
    group.post("async_jobs/:id") { _, context in
      let id = try Self.identifier(context)
      guard let job = try await queue.job(id: id, appID: context.app.id) else { throw PAIError.jobNotFound }
      return try EnvelopeResponse.success(JobEnvelope(job: .single(job)), requestID: context.requestID)
    }
    group.get("batch_jobs/:id") { _, context in
      let id = try Self.identifier(context)
      guard let jobs = try await queue.batch(id: id, appID: context.app.id) else { throw PAIError.batchNotFound }
      return try EnvelopeResponse.success(
        BatchEnvelope(jobs: jobs.map(JobPayload.batchEntry)),
        requestID: context.requestID
      )
    }
  }

  private static func identifier(_ context: AppRequestContext) throws -> Int64 {
    guard let text = context.parameters.get("id"), let id = Int64(text), id > 0 else {
      throw PAIError.parameter("job id must be a positive integer")
    }
    return id
  }
}
