import ArgumentParser
import LoupeJobs
import LoupeStore

struct JobsListCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "list", abstract: "List the newest jobs.")

  @OptionGroup var dataDirectory: DataDirectoryOption
  @Option(help: "How many jobs.") var limit = 20
  @Flag(help: "Print JSON.") var json = false

  func run() async throws {
    let queue = try SQLiteJobQueue(database: try LoupeDatabase(directory: dataDirectory.url))
    let jobs = try await queue.recent(limit: limit).map { JobSummary($0, includingResult: false) }
    if json {
      try JSONOutput.print(jobs)
    } else {
      for job in jobs { print(job.line) }
    }
  }
}
