import Foundation
import Synchronization

/// `loupe serve` as a child process on a free loopback port, for tests that stop it the hard way.
/// Its output is drained as it comes, so a chatty server never blocks on a full pipe.
final class ServerProcess {
  let process = Process()
  let port: Int
  private let output = Pipe()
  private let collected = LogBuffer()

  var log: String { collected.text }
  var baseURL: String { "http://127.0.0.1:\(port)" }

  init(arguments: [String], startTimeout: Duration = .seconds(120)) throws {
    process.executableURL = CLIRunner.executable
    process.arguments = ["serve", "--port", "0"] + arguments
    process.currentDirectoryURL = CLIRunner.repository
    process.standardOutput = output
    process.standardError = output
    let collected = collected
    output.fileHandleForReading.readabilityHandler = { handle in
      let text = String(decoding: handle.availableData, as: UTF8.self)
      collected.append(text)
    }
    try process.run()
    let deadline = ContinuousClock.now + startTimeout
    var port: Int?
    while port == nil, process.isRunning, ContinuousClock.now < deadline {
      let log = collected.text
      if let range = log.range(of: #"listening on http://127\.0\.0\.1:\d+"#, options: .regularExpression) {
        port = Int(log[range].split(separator: ":").last!)
      } else {
        Thread.sleep(forTimeInterval: 0.05)
      }
    }
    guard let port else { throw CLIError(message: "loupe serve did not start: \(collected.text)") }
    self.port = port
  }

  /// SIGKILL: no shutdown code runs, as when the machine loses power or the OOM killer strikes.
  func kill() {
    Foundation.kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
  }

  /// SIGTERM, then the whole log.
  func stop() -> String {
    if process.isRunning {
      process.terminate()
      process.waitUntilExit()
    }
    output.fileHandleForReading.readabilityHandler = nil
    return log
  }
}

/// Output appended from the pipe's reader thread and read from the test's.
final class LogBuffer: Sendable {
  private let storage = Mutex("")

  var text: String { storage.withLock { $0 } }

  func append(_ text: String) { storage.withLock { $0 += text } }
}

struct CLIError: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}
