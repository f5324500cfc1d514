import ArgumentParser
import AsyncHTTPClient
import Foundation
import LoupeMedia
import LoupeRuntime
import LoupeServer
import LoupeStore
import NIOCore
import NIOHTTP1

/// Video throughput: Loupe's single-pass scan (decode + sampling + shot detection + motion) as a
/// multiple of real time on a 720p and a 1080p clip, against decoding alone by the `ffmpeg` CLI
/// on the same clips in the same run; then the time of a whole `ClassifyLabelVideo` job on a
/// real `loupe serve` child process, from submission to success.
struct BenchVideoCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "video",
    abstract: "Video scan speed vs ffmpeg decoding, and ClassifyLabelVideo job time."
  )

  @Option(help: "Seconds of each benchmark clip.") var seconds = 20
  @Option(help: "Timed runs per clip and side (median reported).") var runs = 5
  @Option(help: "Runs of the whole ClassifyLabelVideo job per clip.") var jobRuns = 3
  @Option(help: "Decoder threads on both sides (default: all cores).") var threads = ProcessInfo.processInfo
    .activeProcessorCount
  @Flag(help: "Skip the job timing (no server started).") var skipJob = false

  func run() async throws {
    #if DEBUG
      print("warning: debug build; use ./scripts/run bench video (release) for real figures")
    #endif
    let dependencies = try DependenciesDirectory.required()
    let folder = dependencies.root.appendingPathComponent("bench-media", isDirectory: true)
    let clips = try [(1280, 720), (1920, 1080)].map { width, height in
      try BenchClip.make(width: width, height: height, seconds: seconds, in: folder, dependencies: dependencies)
    }

    var options = VideoScanOptions()
    options.threadCount = threads
    let scanner = VideoScanner(options: options)
    print("scan: decode every frame + 2 fps samples (≤720 px) + shot detection + motion; \(threads) decoder threads")
    print("reference: ffmpeg -threads \(threads) -i clip -f null - (decoding alone); median of \(runs) runs")
    var rows: [[String]] = []
    for clip in clips {
      let reference = try (0..<runs).map { _ in try timeFFmpegDecode(clip.url) }.median
      var shots = 0
      let scan = try (0..<runs).map { _ in
        let start = ContinuousClock.now
        shots = try scanner.scan(clip.url).shots.count
        return (ContinuousClock.now - start).seconds
      }.median
      rows.append([
        clip.url.lastPathComponent, "\(clip.frames)", String(format: "%.2f s", reference),
        String(format: "%.1f×", Double(seconds) / reference), String(format: "%.2f s", scan),
        String(format: "%.1f×", Double(seconds) / scan), String(format: "%.2f", scan / reference),
        "\(shots)/\(BenchClip.photos.count)",
      ])
    }
    printTable(
      header: ["clip", "frames", "ffmpeg decode", "realtime", "loupe scan", "realtime", "scan/ffmpeg", "shots"],
      rows: rows
    )

    guard !skipJob else { return }
    print("\nClassifyLabelVideo job on `loupe serve` (submit → state 2, defaults: top-1 class, 5 tags, embedding)")
    let jobTimes = try await timeJobs(clips: clips.map(\.url), folder: folder)
    printTable(
      header: ["clip", "job p50", "min", "max"],
      rows: zip(clips, jobTimes).map { clip, times in
        [clip.url.lastPathComponent]
          + [times.median, times.min() ?? 0, times.max() ?? 0].map {
            String(format: "%.2f s", $0)
          }
      }
    )
  }

  private func timeFFmpegDecode(_ clip: URL) throws -> Double {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/ffmpeg")
    process.arguments = [
      "-nostdin", "-hide_banner", "-loglevel", "error", "-threads", String(threads), "-i", clip.path, "-f", "null", "-",
    ]
    let start = ContinuousClock.now
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw CLIError("ffmpeg could not decode \(clip.path)") }
    return (ContinuousClock.now - start).seconds
  }

  private func timeJobs(clips: [URL], folder: URL) async throws -> [[Double]] {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-bench-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let app = try await AppRepository(database: try LoupeDatabase(directory: directory)).create(name: "bench")
    let config = directory.appendingPathComponent("config.json")
    try Data(#"{"media_roots": ["\#(folder.resolvingSymlinksInPath().path)"]}"#.utf8).write(to: config)
    let server = try await ServerProcess.start(
      arguments: ["--data-dir", directory.path, "--config", config.path])
    defer { server.stop() }
    let base = "http://127.0.0.1:\(server.port)"

    func signed(_ method: HTTPMethod, _ path: String, body: String) -> HTTPClientRequest {
      var request = HTTPClientRequest(url: base + path)
      request.method = method
      let signature = RequestSignature.sign(
        method: method.rawValue,
        path: path,
        body: Data(body.utf8),
        token: app.token
      )
      request.headers.add(name: "Authorization", value: "\(app.id):\(signature)")
      if !body.isEmpty { request.body = .bytes(ByteBuffer(string: body)) }
      return request
    }
    func send(_ request: HTTPClientRequest) async throws -> [String: Any] {
      let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
      let body = try await response.body.collect(upTo: 16 << 20)
      let json = try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any]
      guard let data = json?["data"] as? [String: Any] else {
        throw CLIError("unexpected answer: \(String(describing: json))")
      }
      return data
    }

    var times: [[Double]] = []
    for clip in clips {
      var samples: [Double] = []
      for _ in 0..<jobRuns {
        let body = #"{"action":"ClassifyLabelVideo","video_url":"\#(clip.resolvingSymlinksInPath().absoluteString)"}"#
        let start = ContinuousClock.now
        guard let id = try await send(signed(.POST, "/api/v1/videos", body: body))["job_id"] as? Int else {
          throw CLIError("no job id")
        }
        while true {
          let job = try await send(signed(.POST, "/api/v1/async_jobs/\(id)", body: "{}"))["job"] as? [String: Any]
          let state = job?["state"] as? Int ?? 0
          if state == 2 { break }
          if state == 3 { throw CLIError("job failed: \(job?["message"] ?? "")") }
          try await Task.sleep(for: .milliseconds(50))
        }
        samples.append((ContinuousClock.now - start).seconds)
      }
      times.append(samples)
    }
    return times
  }
}
