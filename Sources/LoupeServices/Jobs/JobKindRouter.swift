import LoupeJobs

/// Hands each job to the handler of its kind (`Video`, later `Image`).
struct JobKindRouter: JobHandler {
  let handlers: [String: any JobHandler]

  func run(_ job: Job, context: JobContext) async throws -> String {
    guard let handler = handlers[job.kind] else {
      throw JobError.permanent("this server has no handler for \(job.kind) jobs")
    }
    return try await handler.run(job, context: context)
  }
}
