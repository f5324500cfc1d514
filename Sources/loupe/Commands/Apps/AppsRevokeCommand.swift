import ArgumentParser
import LoupeStore

struct AppsRevokeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "revoke",
    abstract: "Revoke an app: its requests are refused from now on."
  )

  @OptionGroup var dataDirectory: DataDirectoryOption
  @Argument(help: "The appId to revoke.") var appID: String

  func run() async throws {
    do {
      try await AppRepository(database: try LoupeDatabase(directory: dataDirectory.url)).revoke(id: appID)
    } catch let error as AppRepositoryError {
      throw CLIError(error.description)
    }
    print("revoked \(appID)")
  }
}
