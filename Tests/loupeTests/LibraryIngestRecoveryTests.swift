import AsyncHTTPClient
import Foundation
import LoupeMedia
import LoupeTestSupport
import NIOCore
import NIOHTTP1
import Testing

@testable import loupe

/// The media library with the real server process and CLI: a video added with `loupe library
/// add` whose ingest is killed with SIGKILL mid-way is ingested again by the next start, and its
/// clips are stored exactly once.
@Suite(.offCooperativePool) struct LibraryIngestRecoveryTests {
  let dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-ingest-\(UUID().uuidString)")

  func loupe(_ arguments: [String]) async throws -> String {
    try await runProcess(CLIRunner.executable.path, arguments, in: CLIRunner.repository)
  }

  func get(_ url: String, key: String, body: [String: Any]? = nil) async throws -> [String: Any] {
    var request = HTTPClientRequest(url: url)
    request.headers.add(name: "Authorization", value: "Bearer \(key)")
    if let body {
      request.method = .POST
      request.headers.add(name: "Content-Type", value: "application/json")
      request.body = .bytes(ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body)))
    }
    let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
    let bytes = try await response.body.collect(upTo: 16 << 20)
    return try #require(try JSONSerialization.jsonObject(with: Data(buffer: bytes)) as? [String: Any])
  }

  @Test func anIngestKilledMidwayStoresEachClipOnceAfterRestart() async throws {
    defer { try? FileManager.default.removeItem(at: dataDirectory) }
    // 40 s with a hard cut every 2 s: 20 clips, each analysed by the live models.
    let clip = try await offCooperativePool {
      try TestClips.manyCuts(seconds: 40, width: 640, height: 360, cutEvery: 50)
    }
    let data = ["--data-dir", dataDirectory.path]
    _ = try await loupe(["library", "projects", "create", "anime"] + data)
    let created = try await loupe(["library", "keys", "create", "--name", "ci", "--project", "anime", "--json"] + data)
    let key = try #require((try JSONSerialization.jsonObject(with: Data(created.utf8)) as? [String: String])?["key"])

    let first = try await CLIRunner.startServer(data)
    let added = try await loupe([
      "library", "add", "--server", first.baseURL, "--key", key, "--project", "anime", clip.url.path,
    ])
    let videoID = try #require(added.split(separator: "\t").first.map(String.init))
    var status = ""
    let deadline = ContinuousClock.now + .seconds(600)
    while status != "processing", ContinuousClock.now < deadline {
      status = try await get("\(first.baseURL)/v0/videos/\(videoID)", key: key)["processing_status"] as? String ?? ""
      try await Task.sleep(for: .milliseconds(100))
    }
    // Into the analysis of the clips, so that some work is lost with the process.
    try await Task.sleep(for: .seconds(2))
    #expect(
      try await get("\(first.baseURL)/v0/videos/\(videoID)", key: key)["processing_status"] as? String == "processing"
    )
    first.kill()

    let second = try await CLIRunner.startServer(data)
    defer { _ = second.stop() }
    var video: [String: Any] = [:]
    while ContinuousClock.now < deadline {
      video = try await get("\(second.baseURL)/v0/videos/\(videoID)", key: key)
      if ["completed", "failed"].contains(video["processing_status"] as? String ?? "") { break }
      try await Task.sleep(for: .milliseconds(200))
    }
    #expect(video["processing_status"] as? String == "completed", "\(video)")
    let project = try #require((video["project_id"] as? String))
    let clips = try await get(
      "\(second.baseURL)/v0/search/clips",
      key: key,
      body: ["project_id": project, "video_ids": [videoID], "page_size": 100]
    )
    let starts = (clips["clips"] as? [[String: Any]] ?? []).compactMap { $0["start_time"] as? Double }
    #expect(clips["total_available"] as? Int == 20 && starts.count == 20, "\(starts)")
    #expect(zip(starts, starts.dropFirst()).allSatisfy { $0 < $1 }, "each clip once, in order: \(starts)")
  }
}
