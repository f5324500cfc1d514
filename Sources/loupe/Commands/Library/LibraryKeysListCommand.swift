import ArgumentParser
import Foundation
import LoupeStore

struct LibraryKeysListCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "list", abstract: "List keys (secrets are not kept).")

  @OptionGroup var dataDirectory: DataDirectoryOption

  func run() async throws {
    let library = LibraryRepository(database: try LoupeDatabase(directory: dataDirectory.url))
    let formatter = ISO8601DateFormatter()
    let now = Date()
    for (key, projects) in try await library.keys() {
      let state: String =
        if let revoked = key.revokedAt {
          "revoked \(formatter.string(from: revoked))"
        } else if let expires = key.expiresAt {
          (expires > now ? "expires " : "expired ") + formatter.string(from: expires)
        } else {
          "active"
        }
      let access = key.isReadOnly ? "read-only" : "read-write"
      print([key.id, key.name, access, projects.joined(separator: ","), state].joined(separator: "\t"))
    }
  }
}
