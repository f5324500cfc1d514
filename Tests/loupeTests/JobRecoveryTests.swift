import Foundation
import LoupeTestSupport
import Testing

@testable import loupe

/// Crash safety with the real server process: a video job running when `loupe serve` is killed
/// with SIGKILL is taken up again by the next start and completes exactly once.
@Suite struct JobRecoveryTests {
  let dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-crash-\(UUID().uuidString)")

  @Test func aJobRunningAtSIGKILLCompletesOnceAfterRestart() async throws {
    defer { try? FileManager.default.removeItem(at: dataDirectory) }
    // Long enough that the job is still running when the test sees it start, even when the
    // rest of the suite shares the two cores.
    let clip = try TestClips.testPattern(seconds: 240, width: 640, height: 360)
    let config = dataDirectory.appendingPathComponent("config.json")
    try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
    try Data(#"{"media_roots": ["\#(clip.url.deletingLastPathComponent().path)"]}"#.utf8).write(to: config)
    let created = try CLIRunner.run(["apps", "create", "crash", "--json", "--data-dir", dataDirectory.path])
    let app = try #require(
      try JSONSerialization.jsonObject(with: Data(created.standardOutput.utf8)) as? [String: String],
      "\(created.standardError)")
    let (appID, token) = (try #require(app["app_id"]), try #require(app["token"]))
    let arguments = ["--data-dir", dataDirectory.path, "--config", config.path]

    let first = try await ServerProcess.start(CLIRunner.executable, arguments: arguments, in: CLIRunner.repository)
    let jobID = try await sdk(["submit", first.baseURL, appID, token, clip.url.absoluteString])
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let running = try job(await sdk(["wait", first.baseURL, appID, token, jobID, "1", ""]))
    #expect(running["state"] as? Int == 1, "killed mid-job: \(running["message"] ?? "")")
    first.kill()

    let second = try await ServerProcess.start(
      CLIRunner.executable, arguments: arguments, in: CLIRunner.repository)
    defer { _ = second.stop() }
    let finished = try job(await sdk(["wait", second.baseURL, appID, token, jobID, "2", "success"]))
    #expect(finished["state"] as? Int == 2 && finished["message"] as? String == "success", "\(finished)")
    let result = try #require(finished["Result"] as? String)
    let parsed = try #require(try JSONSerialization.jsonObject(with: Data(result.utf8)) as? [String: Any])
    #expect(parsed["classification_result"] is [Any] && abs((parsed["duration"] as? Double ?? 0) - 240) < 0.1)

    let shown = try CLIRunner.run(["jobs", "show", jobID, "--data-dir", dataDirectory.path])
    let stored = try #require(try JSONSerialization.jsonObject(with: Data(shown.standardOutput.utf8)) as? [String: Any])
    #expect(stored["attempts"] as? Int == 2, "one interrupted run, one complete run: \(stored)")
    #expect(stored["state"] as? Int == 2 && stored["result"] as? String == result)
    let listed = try CLIRunner.run(["jobs", "list", "--json", "--data-dir", dataDirectory.path])
    let all = try #require(try JSONSerialization.jsonObject(with: Data(listed.standardOutput.utf8)) as? [[String: Any]])
    #expect(all.count == 1, "the job is neither lost nor duplicated")
    #expect(second.stop().contains("requeued jobs an earlier run left running"))
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
