import Foundation

/// `loupe serve` as a child process of this same executable, so a benchmark measures the server
/// alone (its own RSS, its own threads).
final class ServerProcess {
  let process: Process
  let port: Int

  private init(process: Process, port: Int) {
    self.process = process
    self.port = port
  }

  static func start(arguments: [String]) throws -> ServerProcess {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    // The server logs its bound port once models are loaded.
    var text = ""
    let handle = output.fileHandleForReading
    while process.isRunning {
      let chunk = handle.availableData
      if chunk.isEmpty { break }
      text += String(decoding: chunk, as: UTF8.self)
      if let range = text.range(of: #"listening on http://[^:]+:(\d+)"#, options: .regularExpression),
        let port = Int(text[range].split(separator: ":").last ?? "")
      {
        // Keep draining so the child never blocks on a full pipe.
        handle.readabilityHandler = { _ = $0.availableData }
        return ServerProcess(process: process, port: port)
      }
    }
    throw CLIError("loupe serve did not start:\n\(text)")
  }

  /// Peak resident set size of the server, from /proc.
  func peakResidentKilobytes() -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
    else { return nil }
    return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
  }

  func stop() {
    guard process.isRunning else { return }
    process.terminate()
    process.waitUntilExit()
  }
}
