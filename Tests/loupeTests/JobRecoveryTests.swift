import Foundation
import LoupeMedia
import LoupeTestSupport
import Testing

@testable import loupe

/// Crash safety with the real server process: a video job running when `loupe serve` is killed
/// with SIGKILL is taken up again by the next start and completes exactly once.
@Suite(.offCooperativePool) struct JobRecoveryTests {
  let dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-crash-\(UUID().uuidString)")

  @Test func aJobRunningAtSIGKILLCompletesOnceAfterRestart() async throws {
    defer { try? FileManager.default.removeItem(at: dataDirectory) }
    // Long enough that the job is still running when the test sees it start, even when the
    // rest of the suite shares the two cores.
    // Encoded off the cooperative pool, which the rest of the suite needs meanwhile.
    let clip = try await offCooperativePool { try TestClips.testPattern(seconds: 240, width: 640, height: 360) }
    let fixture = try await ServeFixture(dataDirectory: dataDirectory, mediaRoot: clip.url.deletingLastPathComponent())

    let first = try await fixture.startServer()
    let jobID = try await fixture.submit(clip.url, to: first.baseURL)
    let running = try await fixture.wait(for: jobID, at: first.baseURL, state: 1, prefix: "")
    #expect(running["state"] as? Int == 1, "killed mid-job: \(running["message"] ?? "")")
    first.kill()

    let second = try await fixture.startServer()
    defer { _ = second.stop() }
    let finished = try await fixture.wait(for: jobID, at: second.baseURL, state: 2, prefix: "success")
    #expect(finished["state"] as? Int == 2 && finished["message"] as? String == "success", "\(finished)")
    let result = try #require(finished["Result"] as? String)
    let parsed = try #require(try JSONSerialization.jsonObject(with: Data(result.utf8)) as? [String: Any])
    #expect(parsed["classification_result"] is [Any] && abs((parsed["duration"] as? Double ?? 0) - 240) < 0.1)

    let shown = try await CLIRunner.run(["jobs", "show", jobID, "--data-dir", dataDirectory.path])
    let stored = try #require(try JSONSerialization.jsonObject(with: Data(shown.standardOutput.utf8)) as? [String: Any])
    #expect(stored["attempts"] as? Int == 2, "one interrupted run, one complete run: \(stored)")
    #expect(stored["state"] as? Int == 2 && stored["result"] as? String == result)
    let listed = try await CLIRunner.run(["jobs", "list", "--json", "--data-dir", dataDirectory.path])
    let all = try #require(try JSONSerialization.jsonObject(with: Data(listed.standardOutput.utf8)) as? [[String: Any]])
    #expect(all.count == 1, "the job is neither lost nor duplicated")
    #expect(second.stop().contains("requeued jobs an earlier run left running"))
  }
}
