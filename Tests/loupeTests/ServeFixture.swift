import Foundation
import LoupeTestSupport
import Testing

@testable import loupe

/// A data directory for `loupe serve` child processes: one app minted with `loupe apps create`
/// and a config whose media root is `mediaRoot`; plus the official PAI SDK's job script
/// (Fixtures/pai_job.py) to submit and poll a video job against them.
struct ServeFixture {
  let dataDirectory: URL
  let appID: String
  let token: String
  /// `--data-dir` and `--config` for `loupe serve`.
  let arguments: [String]

  init(dataDirectory: URL, mediaRoot: URL) async throws {
    self.dataDirectory = dataDirectory
    let config = dataDirectory.appendingPathComponent("config.json")
    try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
    try Data(#"{"media_roots": ["\#(mediaRoot.path)"]}"#.utf8).write(to: config)
    let created = try await CLIRunner.run(["apps", "create", "test", "--json", "--data-dir", dataDirectory.path])
    let app = try #require(
      try JSONSerialization.jsonObject(with: Data(created.standardOutput.utf8)) as? [String: String],
      "\(created.standardError)"
    )
    appID = try #require(app["app_id"])
    token = try #require(app["token"])
    arguments = ["--data-dir", dataDirectory.path, "--config", config.path]
  }

  /// `loupe serve` on this data directory and config, on a free loopback port, with `extra`
  /// arguments.
  func startServer(_ extra: [String] = []) async throws -> ServerProcess {
    try await CLIRunner.startServer(arguments + extra)
  }

  /// Submits a video job (`ClassifyLabelVideo` or `VideoQA`) for `video` through the server at
  /// `baseURL`; its id.
  func submit(_ video: URL, to baseURL: String, action: String = "ClassifyLabelVideo") async throws -> String {
    try await script(["submit", baseURL, appID, token, video.absoluteString, action])
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Polls until the job is in `state` with a message starting with `prefix`, or finished.
  func wait(for jobID: String, at baseURL: String, state: Int, prefix: String) async throws -> [String: Any] {
    let text = try await script(["wait", baseURL, appID, token, jobID, "\(state)", prefix])
    return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  private func script(_ arguments: [String]) async throws -> String {
    let python = CLIRunner.repository.appendingPathComponent(".deps/pai-sdk/bin/python").path
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
      "Fixtures/pai_job.py"
    )
    return try await runProcess(python, [script.path] + arguments)
  }
}
