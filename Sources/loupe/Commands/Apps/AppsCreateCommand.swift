import ArgumentParser
import LoupeStore

struct AppsCreateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "create",
    abstract: "Mint an appId and token. The token is printed once; keep it."
  )

  @OptionGroup var dataDirectory: DataDirectoryOption
  @Argument(help: "A name to recognise the app by.") var name: String
  @Option(help: "Units allowed per UTC day: one per request, or per job queued (default: unlimited).")
  var dailyQuota: Int?
  @Flag(help: "Print JSON.") var json = false

  func run() async throws {
    let repository = AppRepository(database: try LoupeDatabase(directory: dataDirectory.url))
    let app: AppRecord
    do {
      app = try await repository.create(name: name, dailyQuota: dailyQuota)
    } catch let error as AppRepositoryError {
      throw CLIError(error.description)
    }
    if json {
      try JSONOutput.print(["app_id": app.id, "token": app.token, "name": app.name])
    } else {
      print("app_id: \(app.id)\ntoken:  \(app.token)")
    }
  }
}
