import ArgumentParser
import LoupeStore

struct LibraryKeysRevokeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "revoke",
    abstract: "Revoke a key: its requests are refused from now on."
  )

  @OptionGroup var dataDirectory: DataDirectoryOption
  @Argument(help: "The key's id (the 12 hex digits after aimage_api_, as `keys list` shows).") var id: String

  func run() async throws {
    do {
      try await LibraryRepository(database: try LoupeDatabase(directory: dataDirectory.url)).revokeKey(id: id)
    } catch let error as LibraryError {
      throw CLIError(error.description)
    }
    print("revoked \(id)")
  }
}
