import Foundation
import LoupeMedia

/// Runs the `loupe` executable built next to the test bundle.
enum CLIRunner {
  struct Result {
    var status: Int32
    var standardOutput: String
    var standardError: String
  }

  static let executable: URL = {
    let binDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates = [binDirectory, binDirectory.deletingLastPathComponent()].map { $0.appendingPathComponent("loupe") }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
  }()

  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// Runs `loupe arguments…` to its end on a Dispatch thread: a CLI child takes seconds to
  /// minutes in a debug build, which must not hold one of the cooperative pool's threads.
  static func run(_ arguments: [String]) async throws -> Result {
    try await offCooperativePool {
      let process = Process()
      process.executableURL = executable
      process.arguments = arguments
      process.currentDirectoryURL = repository
      let output = Pipe(), error = Pipe()
      process.standardOutput = output
      process.standardError = error
      try process.run()
      // Standard error drains on its own thread so a chatty child cannot fill its pipe while
      // this one waits for standard output.
      nonisolated(unsafe) var errorData = Data()  // written before `drained` signals, read after
      let drained = DispatchSemaphore(value: 0)
      DispatchQueue.global().async {
        errorData = error.fileHandleForReading.readDataToEndOfFile()
        drained.signal()
      }
      let outputData = output.fileHandleForReading.readDataToEndOfFile()
      drained.wait()
      process.waitUntilExit()
      return Result(
        status: process.terminationStatus,
        standardOutput: String(decoding: outputData, as: UTF8.self),
        standardError: String(decoding: errorData, as: UTF8.self)
      )
    }
  }

  static func packageFile(_ path: String) -> String {
    repository.appendingPathComponent(".deps/site-packages/\(path)").path
  }
}
