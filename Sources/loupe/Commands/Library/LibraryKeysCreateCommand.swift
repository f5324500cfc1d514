import ArgumentParser
import LoupeStore

struct LibraryKeysCreateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "create",
    abstract: "Issue an API key on projects. The key is printed once; only its hash is kept."
  )

  @OptionGroup var dataDirectory: DataDirectoryOption
  @Option(help: "A name to recognise the key by.") var name: String
  @Option(help: "A project, by id or name; repeat for several.") var project: [String]
  @Flag(help: "The key may read but not write.") var readOnly = false
  @Option(help: "Days until the key expires (default: never).") var expires: Int?
  @Flag(help: "Print JSON.") var json = false

  func run() async throws {
    let library = LibraryRepository(database: try LoupeDatabase(directory: dataDirectory.url))
    let issued: (record: APIKeyRecord, secret: APIKeySecret)
    do {
      issued = try await library.createKey(name: name, projects: project, readOnly: readOnly, expiresInDays: expires)
    } catch let error as LibraryError {
      throw CLIError(error.description)
    }
    if json {
      try JSONOutput.print(["id": issued.record.id, "key": issued.secret.text, "name": issued.record.name])
    } else {
      print("key: \(issued.secret.text)")
    }
  }
}
