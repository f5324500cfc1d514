import ArgumentParser
import Foundation
import NIOHTTP1

struct CollectionsCreateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "create",
    abstract: "Create a collection: an image collection by default, or the schema of a JSON file.",
    discussion: """
      The default schema suits `insert` of files and folders: id (int, primary key), uri and name \
      (strings), image_vec (loupe-semantic: searchable by text) and visual_vec (loupe-visual: \
      searchable by image), both from uri.
      """
  )

  @OptionGroup var connection: KeyServerOptions
  @Argument(help: "The collection's name.") var name: String
  @Option(help: "A JSON file with `fields` and `vector_fields`, as POST /v1/collections takes them.") var schema:
    String?
  @Option(help: "If the collection exists: fail, skip or overwrite.") var ifExists = "fail"

  static var imageSchema: [String: Any] {
    [
      "fields": [
        ["name": "id", "type": "int", "primary_key": true], ["name": "uri", "type": "string"],
        ["name": "name", "type": "string"],
      ],
      "vector_fields": [
        ["name": "image_vec", "source_field": "uri", "source_type": "image", "model": "loupe-semantic"],
        ["name": "visual_vec", "source_field": "uri", "source_type": "image", "model": "loupe-visual"],
      ],
    ]
  }

  func run() async throws {
    var body = Self.imageSchema
    if let schema {
      guard let data = FileManager.default.contents(atPath: schema),
        let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
      else { throw CLIError("\(schema) is not a readable JSON object") }
      body = object
    }
    body["name"] = name
    body["if_exists"] = ifExists
    let created = try await connection.client().call(.POST, "/v1/collections", body: body) as? [String: Any]
    print("\(name): \(created?["row_count"] as? Int ?? 0) rows")
  }
}
