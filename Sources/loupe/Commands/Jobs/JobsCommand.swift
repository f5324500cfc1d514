import ArgumentParser

struct JobsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "jobs",
    abstract: "Inspect asynchronous jobs in the store (any app's).",
    subcommands: [JobsListCommand.self, JobsShowCommand.self]
  )
}
