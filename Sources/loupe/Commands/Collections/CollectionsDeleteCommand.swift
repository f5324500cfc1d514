import ArgumentParser
import NIOHTTP1

struct CollectionsDeleteCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "delete",
    abstract: "Delete a collection with its rows and vectors."
  )

  @OptionGroup var connection: KeyServerOptions
  @Argument(help: "The collection's name.") var name: String

  func run() async throws {
    _ = try await connection.client().call(.DELETE, "/v1/collections/\(name)")
    print("deleted \(name)")
  }
}
