import ArgumentParser

struct AppsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "apps",
    abstract: "Create, list and revoke the apps (appId + token) that may call the server.",
    subcommands: [AppsCreateCommand.self, AppsListCommand.self, AppsRevokeCommand.self]
  )
}
