import ArgumentParser
import LoupeJobs
import LoupeStore

struct JobsShowCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Print one job as JSON, with its result."
  )

  @OptionGroup var dataDirectory: DataDirectoryOption
  @Argument(help: "The job id.") var id: Int64

  func run() async throws {
    let queue = try SQLiteJobQueue(database: try LoupeDatabase(directory: dataDirectory.url))
    guard let job = try await queue.job(id: id) else { throw CLIError("no job with id \(id)") }
    try JSONOutput.print(JobSummary(job, includingResult: true))
  }
}
