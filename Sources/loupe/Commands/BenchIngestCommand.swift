import ArgumentParser
import AsyncHTTPClient
import Foundation
import LoupeMedia
import LoupeRuntime
import LoupeStore
import NIOCore
import NIOHTTP1

/// Library ingest speed on a real `loupe serve` child process: each benchmark clip (720p and
/// 1080p, one shot per photo) is uploaded through a signed URL and registered, and the time from
/// registration to `completed` (probe, one decoding pass, thumbnails, every keyframe's tags,
/// vectors and faces, the project's scene types) is compared with the clip's duration and with
/// decoding alone by the `ffmpeg` CLI in the same run. Then the server's resident memory.
struct BenchIngestCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ingest",
    abstract: "Library ingest real-time factor at 720p and 1080p vs ffmpeg decoding."
  )

  @Option(help: "Seconds of each benchmark clip.") var seconds = 20
  @Option(help: "Ingests per clip (median reported).") var runs = 3

  func run() async throws {
    #if DEBUG
      print("warning: debug build; use ./scripts/run bench ingest (release) for real figures")
    #endif
    let dependencies = try DependenciesDirectory.required()
    let folder = dependencies.root.appendingPathComponent("bench-media", isDirectory: true)
    let clips = try [(1280, 720), (1920, 1080)].map { width, height in
      try BenchClip.make(width: width, height: height, seconds: seconds, in: folder, dependencies: dependencies)
    }
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-bench-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let library = LibraryRepository(database: try LoupeDatabase(directory: directory))
    let project = try await library.createProject(name: "bench")
    let key = try await library.createKey(name: "bench", projects: [project.id]).secret.text
    let server = try await ServerProcess.start(arguments: ["--data-dir", directory.path])
    defer { server.stop() }
    let client = KeyAPIClient(baseURL: server.baseURL, key: key, projectID: nil)

    print("reference: ffmpeg -i clip -f null - (decoding alone, all cores); median of \(runs) runs")
    var rows: [[String]] = []
    for clip in clips {
      let reference = try (0..<runs).map { _ in try Self.timeFFmpegDecode(clip.url) }.median
      var times: [Double] = []
      var clipCount = 0
      for _ in 0..<runs {
        let minted =
          try await client.call(
            .POST,
            "/v0/videos/upload-url",
            body: ["project_id": project.id, "file_name": clip.url.lastPathComponent, "content_type": "video/mp4"]
          ) as? [String: Any] ?? [:]
        try await LibraryAddCommand.put(
          clip.url,
          size: (try FileManager.default.attributesOfItem(atPath: clip.url.path))[.size] as? Int ?? 0,
          to: minted["upload_url"] as? String ?? "",
          contentType: "video/mp4"
        )
        let start = ContinuousClock.now
        let video =
          try await client.call(
            .POST,
            "/v0/videos",
            body: ["project_id": project.id, "name": "bench", "s3_key": minted["s3_key"] as? String ?? ""]
          ) as? [String: Any] ?? [:]
        let id = video["id"] as? String ?? ""
        while true {
          let state = try await client.call(.GET, "/v0/videos/\(id)") as? [String: Any] ?? [:]
          let status = state["processing_status"] as? String
          if status == "completed" { break }
          if status == "failed" { throw CLIError("ingest failed: \(state["processing_error"] ?? "")") }
          try await Task.sleep(for: .milliseconds(20))
        }
        times.append((ContinuousClock.now - start).seconds)
        let found =
          try await client.call(.POST, "/v0/search/clips", body: ["project_id": project.id, "video_ids": [id]])
          as? [String: Any] ?? [:]
        clipCount = found["total_available"] as? Int ?? 0
      }
      let ingest = times.median
      rows.append([
        clip.url.lastPathComponent, String(format: "%.2f s", reference),
        String(format: "%.1f×", Double(seconds) / reference),
        String(format: "%.2f s", ingest), String(format: "%.1f×", Double(seconds) / ingest),
        String(format: "%.2f", ingest / reference), "\(clipCount)",
      ])
    }
    let header = ["clip", "ffmpeg decode", "realtime", "loupe ingest", "realtime", "ingest/ffmpeg", "clips"]
    printTable(header: header, rows: rows)
    if let rss = server.residentKilobytes(), let peak = server.peakResidentKilobytes() {
      print(
        String(
          format: "\nserver RSS after the ingests: %.0f MB (peak %.0f MB)",
          Double(rss) / 1024,
          Double(peak) / 1024
        )
      )
    }
  }

  static func timeFFmpegDecode(_ clip: URL) throws -> Double {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/ffmpeg")
    process.arguments = ["-nostdin", "-hide_banner", "-loglevel", "error", "-i", clip.path, "-f", "null", "-"]
    let start = ContinuousClock.now
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw CLIError("ffmpeg could not decode \(clip.path)") }
    return (ContinuousClock.now - start).seconds
  }
}
