import Foundation
import LoupeTestSupport
import Testing

@testable import loupe

/// `loupe serve --role api` and `--role worker` as two processes on one data directory: the API
/// process answers and queues but runs nothing; the worker process, without HTTP, runs the job;
/// the API process reports its result.
@Suite(.offCooperativePool) struct ServeRoleTests {
  let dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-roles-\(UUID().uuidString)")

  @Test func anAPIProcessAndAWorkerProcessCompleteAVideoJobTogether() async throws {
    defer { try? FileManager.default.removeItem(at: dataDirectory) }
    let clip = try TestClips.footage()
    let fixture = try await ServeFixture(dataDirectory: dataDirectory, mediaRoot: clip.url.deletingLastPathComponent())
    let arguments = fixture.arguments

    let api = try await fixture.startServer(["--role", "api"])
    defer { api.stop() }
    let jobID = try await fixture.submit(clip.url, to: api.baseURL)
    // Nothing runs jobs yet: the API process has no workers.
    try await Task.sleep(for: .seconds(3))
    let waiting = try await fixture.wait(for: jobID, at: api.baseURL, state: 0, prefix: "")
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

    let finished = try await fixture.wait(for: jobID, at: api.baseURL, state: 2, prefix: "success")
    #expect(finished["state"] as? Int == 2 && finished["message"] as? String == "success", "\(finished)")
    let result = try #require(finished["Result"] as? String)
    let parsed = try #require(try JSONSerialization.jsonObject(with: Data(result.utf8)) as? [String: Any])
    #expect(parsed["classification_result"] is [Any] && parsed["video_width"] as? Int == 320)
    #expect(!collected.text.contains("listening on"), "a worker process serves no HTTP")

    // A second process with workers on the same data directory is refused.
    let second = try await CLIRunner.run(["serve", "--role", "worker"] + arguments)
    #expect(second.status != 0 && second.standardError.contains("another loupe serve"), "\(second.standardError)")

    worker.terminate()
    worker.waitUntilExit()
    #expect(worker.terminationStatus == 0, "SIGTERM stops the worker gracefully: \(collected.text)")
  }
}
