import Foundation
import LoupeTestSupport
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@Suite(.offCooperativePool) struct AppsAndServeCommandTests {
  let dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-cli-\(UUID().uuidString)")

  @Test func appsAreMintedListedAndRevoked() async throws {
    defer { try? FileManager.default.removeItem(at: dataDirectory) }
    let created = try await CLIRunner.run([
      "apps", "create", "reporting", "--daily-quota", "100", "--json", "--data-dir", dataDirectory.path,
    ])
    #expect(created.status == 0, "\(created.standardError)")
    let app = try #require(
      try JSONSerialization.jsonObject(with: Data(created.standardOutput.utf8)) as? [String: String]
    )
    let id = try #require(app["app_id"])
    #expect(app["token"]?.count == 64)

    let listed = try await CLIRunner.run(["apps", "list", "--data-dir", dataDirectory.path])
    #expect(listed.standardOutput.contains(id) && listed.standardOutput.contains("100/day"))
    #expect(!listed.standardOutput.contains(app["token"]!))
    #expect(try await CLIRunner.run(["apps", "revoke", id, "--data-dir", dataDirectory.path]).status == 0)
    #expect(
      try await CLIRunner.run(["apps", "list", "--data-dir", dataDirectory.path]).standardOutput.contains("revoked")
    )
    let unknown = try await CLIRunner.run(["apps", "revoke", "42", "--data-dir", dataDirectory.path])
    #expect(unknown.status != 0 && unknown.standardError.contains("no app with id 42"))
  }

  @Test func serveAnswersHealthAndStopsGracefullyOnSIGTERM() async throws {
    defer { try? FileManager.default.removeItem(at: dataDirectory) }
    let process = Process()
    process.executableURL = CLIRunner.executable
    process.arguments = ["serve", "--port", "0", "--data-dir", dataDirectory.path]
    process.currentDirectoryURL = CLIRunner.repository
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    var log = ""
    var port: Int?
    while port == nil, process.isRunning {
      let chunk = output.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      log += String(decoding: chunk, as: UTF8.self)
      if let range = log.range(of: #"listening on http://127\.0\.0\.1:\d+"#, options: .regularExpression) {
        port = Int(log[range].split(separator: ":").last!)
      }
    }
    let bound = try #require(port, "\(log)")
    let (body, _) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(bound)/healthz")!)
    #expect(String(decoding: body, as: UTF8.self).contains("ok"))
    #expect(FileManager.default.fileExists(atPath: dataDirectory.appendingPathComponent("loupe.sqlite").path))
    process.terminate()
    process.waitUntilExit()
    #expect(process.terminationReason == .exit && process.terminationStatus == 0)
  }
}
