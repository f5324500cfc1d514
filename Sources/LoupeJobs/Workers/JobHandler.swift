/// Runs one kind of job. It reports its steps through the context and returns PAI's `Result`
/// JSON string; it throws `JobError` to say whether a failure is worth retrying.
public protocol JobHandler: Sendable {
  func run(_ job: Job, context: JobContext) async throws -> String
}
