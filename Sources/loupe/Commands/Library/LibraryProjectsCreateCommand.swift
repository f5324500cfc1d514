import ArgumentParser
import LoupeStore

struct LibraryProjectsCreateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "create", abstract: "Create a project.")

  @OptionGroup var dataDirectory: DataDirectoryOption
  @Argument(help: "The project's name (unique).") var name: String
  @Flag(help: "Print JSON.") var json = false

  func run() async throws {
    let library = LibraryRepository(database: try LoupeDatabase(directory: dataDirectory.url))
    let project: ProjectRecord
    do {
      project = try await library.createProject(name: name)
    } catch let error as LibraryError {
      throw CLIError(error.description)
    }
    if json {
      try JSONOutput.print(["id": project.id, "name": project.name])
    } else {
      print("project_id: \(project.id)")
    }
  }
}
