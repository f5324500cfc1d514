import ArgumentParser

struct LibraryCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "library",
    abstract: "The media library: projects, Bearer keys, adding videos and searching clips.",
    subcommands: [
      LibraryProjectsCommand.self, LibraryKeysCommand.self, LibraryAddCommand.self, LibrarySearchCommand.self,
    ]
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
