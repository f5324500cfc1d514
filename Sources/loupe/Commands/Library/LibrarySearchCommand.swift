import ArgumentParser
import Foundation

/// `loupe library search --project P "query"` (or `--image FILE`): clips with their video, time
/// range, subtitle, similarity and thumbnail URL.
struct LibrarySearchCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "search",
    abstract: "Search a project's clips by text, by a screenshot (--image) or by subtitle."
  )

  @OptionGroup var connection: LibraryServerOptions
  @Argument(help: "A text query.") var query: String?
  @Option(help: "A screenshot to find the moment of.") var image: String?
  @Option(help: "semantic, subtitle or keyword.") var mode = "semantic"
  @Flag(help: "With --mode subtitle: exact substring instead of fuzzy.") var exact = false
  @Option(help: "How many clips (1…100).") var limit = 10
  @Flag(help: "Print the answer as JSON.") var json = false

  func run() async throws {
    let client = try connection.client()
    var body: [String: Any] = [
      "project_id": try await connection.projectID(using: client), "page_size": limit, "search_mode": mode,
      "subtitle_exact_match": exact,
    ]
    if let query { body["query"] = query }
    if let image {
      guard let data = FileManager.default.contents(atPath: image) else { throw CLIError("cannot read \(image)") }
      body["image"] = data.base64EncodedString()
    }
    guard query != nil || image != nil else { throw CLIError("give a query or --image") }
    let answer = try await client.call(.POST, "/v0/search/clips", body: body) as? [String: Any] ?? [:]
    if json {
      let data = try JSONSerialization.data(withJSONObject: answer, options: [.prettyPrinted, .sortedKeys])
      print(String(decoding: data, as: UTF8.self))
      return
    }
    for clip in answer["clips"] as? [[String: Any]] ?? [] {
      let start = clip["start_time"] as? Double ?? 0, end = clip["end_time"] as? Double ?? 0
      let subtitle = (clip["subtitle"] as? String ?? "").replacingOccurrences(of: "\n", with: " / ")
      print(
        [
          clip["episode_title"] as? String ?? "?", String(format: "%.2f–%.2f s", start, end),
          String(format: "%.3f", clip["similarity"] as? Double ?? 0), subtitle, clip["thumbnail_url"] as? String ?? "",
        ].joined(separator: "\t")
      )
    }
  }
}
