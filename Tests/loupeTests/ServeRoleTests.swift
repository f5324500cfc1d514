import Foundation
import LoupeTestSupport
import Testing

@testable import loupe

/// `loupe serve --role api` and `--role worker` as two processes on one data directory: the API
/// process answers and queues but runs nothing; the worker process, without HTTP, runs the job;
/// the API process reports its result.
@Suite struct ServeRoleTests {
  let dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-roles-\(UUID().uuidString)")

  @Test func anAPIProcessAndAWorkerProcessCompleteAVideoJobTogether() async throws {
    defer { try? FileManager.default.removeItem(at: dataDirectory) }
    let clip = try TestClips.footage()
    let config = dataDirectory.appendingPathComponent("config.json")
    try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
    try Data(#"{"media_roots": ["\#(clip.url.deletingLastPathComponent().path)"]}"#.utf8).write(to: config)
    let created = try CLIRunner.run(["apps", "create", "roles", "--json", "--data-dir", dataDirectory.path])
    let app = try #require(
      try JSONSerialization.jsonObject(with: Data(created.standardOutput.utf8)) as? [String: String],
      "\(created.standardError)")
    let (appID, token) = (try #require(app["app_id"]), try #require(app["token"]))
    let arguments = ["--data-dir", dataDirectory.path, "--config", config.path]

    let api = try await ServerProcess.start(
      CLIRunner.executable, arguments: arguments + ["--role", "api"], in: CLIRunner.repository)
    defer { api.stop() }
    let jobID = try await sdk(["submit", api.baseURL, appID, token, clip.url.absoluteString])
      .trimmingCharacters(in: .whitespacesAndNewlines)
    // Nothing runs jobs yet: the API process has no workers.
    try await Task.sleep(for: .seconds(3))
    let waiting = try job(await sdk(["wait", api.baseURL, appID, token, jobID, "0", ""]))
    #expect(waiting["state"] as? Int == 0, "an api process runs no job: \(waiting)")

    let worker = Process()
    worker.executableURL = CLIRunner.executable
    worker.arguments = ["serve", "--role", "worker"] + arguments
    worker.currentDirectoryURL = CLIRunner.repository
    let workerLog = Pipe()
    worker.standardOutput = workerLog
    worker.standardError = workerLog
    let collected = LogBuffer()
    workerLog.fileHandleForReading.readabilityHandler = {
      collected.append(String(decoding: $0.availableData, as: UTF8.self))
    }
    try worker.run()
    defer {
      if worker.isRunning {
        worker.terminate()
        worker.waitUntilExit()
      }
    }

    let finished = try job(await sdk(["wait", api.baseURL, appID, token, jobID, "2", "success"]))
    #expect(finished["state"] as? Int == 2 && finished["message"] as? String == "success", "\(finished)")
    let result = try #require(finished["Result"] as? String)
    let parsed = try #require(try JSONSerialization.jsonObject(with: Data(result.utf8)) as? [String: Any])
    #expect(parsed["classification_result"] is [Any] && parsed["video_width"] as? Int == 320)
    #expect(!collected.text.contains("listening on"), "a worker process serves no HTTP")

    // A second process with workers on the same data directory is refused.
    let second = try CLIRunner.run(["serve", "--role", "worker"] + arguments)
    #expect(second.status != 0 && second.standardError.contains("another loupe serve"), "\(second.standardError)")

    worker.terminate()
    worker.waitUntilExit()
    #expect(worker.terminationStatus == 0, "SIGTERM stops the worker gracefully: \(collected.text)")
  }

  /// One call of the PAI SDK helper script (Fixtures/pai_job.py).
  private func sdk(_ arguments: [String]) async throws -> String {
    let python = CLIRunner.repository.appendingPathComponent(".deps/pai-sdk/bin/python").path
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
      "Fixtures/pai_job.py")
    return try await runProcess(python, [script.path] + arguments)
  }

  private func job(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }
}
