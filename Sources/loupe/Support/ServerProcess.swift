import Foundation
import Synchronization

/// `loupe serve` as a child process on a free loopback port: benchmarks measure the server alone
/// (its own RSS, its own threads) and tests stop it the hard way. Its output is drained as it
/// comes, so a chatty server never blocks on a full pipe.
final class ServerProcess: Sendable {
  let process: Process
  let port: Int
  /// `http`, or `https` when the server was started with TLS.
  let scheme: String
  private let output: Pipe
  private let collected: LogBuffer

  var log: String { collected.text }
  var baseURL: String { "\(scheme)://127.0.0.1:\(port)" }

  private init(process: Process, output: Pipe, collected: LogBuffer, scheme: String, port: Int) {
    self.process = process
    self.output = output
    self.collected = collected
    self.scheme = scheme
    self.port = port
  }

  /// The executable running now: benchmarks start their server from their own binary.
  static let currentExecutable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()

  /// Starts `executable serve --port 0 arguments…` and waits, without holding a cooperative
  /// thread, until it logs its port. Loading the models takes seconds alone but minutes beside a
  /// test suite on 2 cores.
  static func start(
    _ executable: URL = currentExecutable,
    arguments: [String],
    in directory: URL? = nil,
    startTimeout: Duration = .seconds(600)
  ) async throws -> ServerProcess {
    let process = Process()
    let output = Pipe()
    let collected = LogBuffer()
    process.executableURL = executable
    process.arguments = ["serve", "--port", "0"] + arguments
    if let directory { process.currentDirectoryURL = directory }
    process.standardOutput = output
    process.standardError = output
    output.fileHandleForReading.readabilityHandler = { handle in
      collected.append(String(decoding: handle.availableData, as: UTF8.self))
    }
    try process.run()
    let deadline = ContinuousClock.now + startTimeout
    while process.isRunning, ContinuousClock.now < deadline {
      let log = collected.text
      if let range = log.range(of: #"listening on https?://127\.0\.0\.1:\d+"#, options: .regularExpression),
        let port = Int(log[range].split(separator: ":").last ?? "")
      {
        let scheme = log[range].contains("https:") ? "https" : "http"
        return ServerProcess(process: process, output: output, collected: collected, scheme: scheme, port: port)
      }
      try await Task.sleep(for: .milliseconds(50))
    }
    let outcome = process.isRunning ? "did not start within \(startTimeout)" : "exited before listening"
    process.terminate()
    throw CLIError("loupe serve \(outcome):\n\(collected.text)")
  }

  /// Peak resident set size of the server, from /proc.
  func peakResidentKilobytes() -> Int? { statusKilobytes("VmHWM:") }

  /// Resident set size of the server now, from /proc.
  func residentKilobytes() -> Int? { statusKilobytes("VmRSS:") }

  private func statusKilobytes(_ field: String) -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field) })
    else { return nil }
    return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
  }

  /// SIGKILL: no shutdown code runs, as when the machine loses power or the OOM killer strikes.
  func kill() {
    Foundation.kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
  }

  /// SIGTERM, then the whole log.
  @discardableResult
  func stop() -> String {
    if process.isRunning {
      process.terminate()
      process.waitUntilExit()
    }
    output.fileHandleForReading.readabilityHandler = nil
    return log
  }
}

/// Output appended from the pipe's reader thread and read from the waiting task's.
final class LogBuffer: Sendable {
  private let storage = Mutex("")

  var text: String { storage.withLock { $0 } }

  func append(_ text: String) { storage.withLock { $0 += text } }
}
