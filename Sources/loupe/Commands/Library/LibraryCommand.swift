import ArgumentParser

struct LibraryCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "library",
    abstract: "The media library's projects and the Bearer keys of the /v0 and /v1 key APIs.",
    subcommands: [LibraryProjectsCommand.self, LibraryKeysCommand.self]
  )
}

struct LibraryProjectsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "projects",
    abstract: "Create and list projects.",
    subcommands: [LibraryProjectsCreateCommand.self, LibraryProjectsListCommand.self]
  )
}

struct LibraryKeysCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "keys",
    abstract: "Create, list and revoke API keys.",
    subcommands: [LibraryKeysCreateCommand.self, LibraryKeysListCommand.self, LibraryKeysRevokeCommand.self]
  )
}
