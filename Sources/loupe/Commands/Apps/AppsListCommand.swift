import ArgumentParser
import Foundation
import LoupeStore

struct AppsListCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "list", abstract: "List apps (tokens are not shown).")

  @OptionGroup var dataDirectory: DataDirectoryOption

  func run() async throws {
    let apps = try await AppRepository(database: try LoupeDatabase(directory: dataDirectory.url)).all()
    let formatter = ISO8601DateFormatter()
    for app in apps {
      let quota = app.dailyQuota.map { "\($0)/day" } ?? "unlimited"
      let state = app.revokedAt.map { "revoked \(formatter.string(from: $0))" } ?? "active"
      print([app.id, app.name, quota, state].joined(separator: "\t"))
    }
  }
}
