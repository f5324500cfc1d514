import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// `loupe library add --project P FILE…`: uploads local videos through the server's own signed
/// upload URLs, as the official client does, with a progress bar per file, and registers each.
struct LibraryAddCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add",
    abstract: "Upload local video files into a project and queue their ingest."
  )

  @OptionGroup var connection: LibraryServerOptions
  @Option(help: "The season of every file given.") var season: Int?
  @Option(help: "The episode number of the first file; the next files count up from it.") var episode: Int?
  @Flag(help: "Wait until every video is ingested, then print its state.") var wait = false
  @Argument(help: "Video files.") var files: [String]

  func run() async throws {
    let client = try connection.client()
    let project = try await connection.projectID(using: client)
    var videos: [(file: String, id: String)] = []
    for (offset, path) in files.enumerated() {
      let url = URL(fileURLWithPath: path)
      guard let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int, size > 0 else {
        throw CLIError("cannot read \(path)")
      }
      let type = Self.contentType(of: url)
      let minted =
        try await client.call(
          .POST,
          "/v0/videos/upload-url",
          body: ["project_id": project, "file_name": url.lastPathComponent, "content_type": type]
        ) as? [String: Any] ?? [:]
      guard let uploadURL = minted["upload_url"] as? String, let key = minted["s3_key"] as? String else {
        throw CLIError("the server minted no upload URL")
      }
      FileHandle.standardError.write(Data("\(url.lastPathComponent)\n".utf8))
      try await Self.put(url, size: size, to: uploadURL, contentType: type)
      var body: [String: Any] = [
        "project_id": project, "name": url.deletingPathExtension().lastPathComponent, "s3_key": key,
      ]
      if let season { body["season"] = season }
      if let episode { body["episode"] = episode + offset }
      let video = try await client.call(.POST, "/v0/videos", body: body) as? [String: Any] ?? [:]
      let id = video["id"] as? String ?? "?"
      videos.append((path, id))
      print("\(id)\t\(video["processing_status"] as? String ?? "?")\t\(path)")
    }
    guard wait else { return }
    for video in videos {
      while true {
        let state = try await client.call(.GET, "/v0/videos/\(video.id)") as? [String: Any] ?? [:]
        let status = state["processing_status"] as? String ?? "?"
        if status == "completed" || status == "failed" {
          print("\(video.id)\t\(status)\t\(state["processing_error"] as? String ?? "")")
          break
        }
        try await Task.sleep(for: .seconds(1))
      }
    }
  }

  /// Streams the file in 1 MiB chunks, advancing the bar per chunk.
  static func put(_ file: URL, size: Int, to uploadURL: String, contentType: String) async throws {
    let handle = try FileHandle(forReadingFrom: file)
    defer { try? handle.close() }
    let chunk = 1 << 20
    let bar = ProgressBar(total: (size + chunk - 1) / chunk, unit: "MiB")
    let chunks = AsyncThrowingStream<ByteBuffer, any Error> { continuation in
      while true {
        let data = handle.readData(ofLength: chunk)
        if data.isEmpty { break }
        continuation.yield(ByteBuffer(bytes: data))
        bar.advance()
      }
      continuation.finish()
    }
    var request = HTTPClientRequest(url: uploadURL)
    request.method = .PUT
    request.headers.add(name: "Content-Type", value: contentType)
    request.body = .stream(chunks, length: .known(Int64(size)))
    let response = try await HTTPClient.shared.execute(request, timeout: .hours(6))
    bar.finish()
    guard (200..<300).contains(response.status.code) else {
      let text = String(buffer: try await response.body.collect(upTo: 1 << 20))
      throw CLIError("upload of \(file.lastPathComponent) failed: \(response.status.code) \(text)")
    }
  }

  static func contentType(of file: URL) -> String {
    switch file.pathExtension.lowercased() {
    case "mp4", "m4v": "video/mp4"
    case "mov": "video/quicktime"
    case "mkv": "video/x-matroska"
    case "webm": "video/webm"
    case "avi": "video/x-msvideo"
    case "mpg", "mpeg": "video/mpeg"
    case "ts", "m2ts": "video/mp2t"
    default: "application/octet-stream"
    }
  }
}

/// The server, key and project of the library commands.
struct LibraryServerOptions: ParsableArguments {
  @Option(help: "The server's base URL (default http://127.0.0.1:8080). Env: LOUPE_SERVER.") var server: String?
  @Option(help: "An API key (`loupe library keys create`). Env: LOUPE_KEY.") var key: String?
  @Option(help: "The project, by id or name.") var project: String

  func client() throws -> KeyAPIClient {
    try KeyServerOptions.parse(
      (server.map { ["--server", $0] } ?? []) + (key.map { ["--key", $0] } ?? [])
    ).client()
  }

  /// The project's id, looked up among the key's projects by id or name.
  func projectID(using client: KeyAPIClient) async throws -> String {
    let answer = try await client.call(.GET, "/v0/projects") as? [String: Any] ?? [:]
    let projects = answer["projects"] as? [[String: Any]] ?? []
    guard
      let found = projects.first(where: { $0["id"] as? String == project })
        ?? projects.first(where: { $0["name"] as? String == project }),
      let id = found["id"] as? String
    else { throw CLIError("the key has no project \(project.debugDescription)") }
    return id
  }
}
