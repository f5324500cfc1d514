import ArgumentParser
import Foundation
import NIOHTTP1

struct CollectionsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "collections",
    abstract: "Image-search collections on a running server (seed 001), through its key API.",
    subcommands: [
      CollectionsCreateCommand.self, CollectionsListCommand.self, CollectionsInsertCommand.self,
      CollectionsSearchCommand.self, CollectionsDeleteCommand.self,
    ]
  )
}

/// Where the server is and the key to use.
struct KeyServerOptions: ParsableArguments {
  @Option(help: "The server's base URL (default http://127.0.0.1:8080). Env: LOUPE_SERVER.") var server: String?
  @Option(help: "An API key (`loupe library keys create`). Env: LOUPE_KEY.") var key: String?
  @Option(help: "The project to act in, when the key has several.") var project: String?

  func client() throws -> KeyAPIClient {
    let environment = ProcessInfo.processInfo.environment
    guard let key = key ?? environment["LOUPE_KEY"], !key.isEmpty else {
      throw CLIError("an API key is needed: --key or LOUPE_KEY (make one with `loupe library keys create`)")
    }
    let server = server ?? environment["LOUPE_SERVER"] ?? "http://127.0.0.1:8080"
    return KeyAPIClient(
      baseURL: server.hasSuffix("/") ? String(server.dropLast()) : server,
      key: key,
      projectID: project
    )
  }
}
