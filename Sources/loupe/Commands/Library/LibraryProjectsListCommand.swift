import ArgumentParser
import LoupeStore

struct LibraryProjectsListCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "list", abstract: "List projects.")

  @OptionGroup var dataDirectory: DataDirectoryOption

  func run() async throws {
    let library = LibraryRepository(database: try LoupeDatabase(directory: dataDirectory.url))
    for project in try await library.projects() { print("\(project.id)\t\(project.name)") }
  }
}
