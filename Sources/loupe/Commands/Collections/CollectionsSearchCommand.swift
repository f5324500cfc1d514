import ArgumentParser
import Foundation
import NIOHTTP1

struct CollectionsSearchCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "search",
    abstract: "Search a collection by text, or by an image file with --image."
  )

  @OptionGroup var connection: KeyServerOptions
  @Argument(help: "The collection's name.") var name: String
  @Argument(help: "A text query.") var query: String?
  @Option(help: "An image file to search by.") var image: String?
  @Option(help: "The vector field to search (default: image_vec for text, visual_vec for images, when present).")
  var field: String?
  @Option(help: "How many rows.") var limit = 10
  @Flag(help: "Print the rows as JSON.") var json = false

  func run() async throws {
    let client = try connection.client()
    var body: [String: Any] = ["limit": limit]
    switch (query, image) {
    case (let text?, nil):
      body["query"] = text
    case (nil, let path?):
      guard let data = FileManager.default.contents(atPath: path) else { throw CLIError("cannot read \(path)") }
      body["query"] = ["image_base64": data.base64EncodedString()]
    default:
      throw CLIError("give a text query or --image, not both")
    }
    let collection = try await client.call(.GET, "/v1/collections/\(name)") as? [String: Any] ?? [:]
    let vectorFields = (collection["vector_fields"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
    let preferred = image == nil ? "image_vec" : "visual_vec"
    if let field {
      body["vector_field"] = field
    } else if vectorFields.count > 1, vectorFields.contains(preferred) {
      body["vector_field"] = preferred
    }
    let answer = try await client.call(.POST, "/v1/collections/\(name)/search", body: body) as? [String: Any]
    let rows = answer?["rows"] as? [[String: Any]] ?? []
    if json {
      let data = try JSONSerialization.data(withJSONObject: rows, options: [.prettyPrinted, .sortedKeys])
      print(String(decoding: data, as: UTF8.self))
      return
    }
    for row in rows {
      let score = String(format: "%.3f", row["_score"] as? Double ?? 0)
      let shown = row.filter { !$0.key.hasPrefix("_") }.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
      print(([score] + shown).joined(separator: "\t"))
    }
  }
}
