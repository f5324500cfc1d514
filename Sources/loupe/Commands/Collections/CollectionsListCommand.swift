import ArgumentParser
import NIOHTTP1

struct CollectionsListCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "list", abstract: "List the project's collections.")

  @OptionGroup var connection: KeyServerOptions

  func run() async throws {
    let answer = try await connection.client().call(.GET, "/v1/collections") as? [String: Any]
    for collection in answer?["collections"] as? [[String: Any]] ?? [] {
      let vectors = (collection["vector_fields"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
      print(
        [
          collection["name"] as? String ?? "", "\(collection["row_count"] as? Int ?? 0) rows",
          vectors.joined(separator: ","),
        ].joined(separator: "\t")
      )
    }
  }
}
