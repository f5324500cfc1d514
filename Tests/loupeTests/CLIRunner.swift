import Foundation
import LoupeTestSupport

/// Runs the `loupe` executable built next to the test bundle.
enum CLIRunner {
  static let executable: URL = {
    let binDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates = [binDirectory, binDirectory.deletingLastPathComponent()].map { $0.appendingPathComponent("loupe") }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
  }()

  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// Runs `loupe arguments…` to its end, off the cooperative pool: a CLI child takes seconds to
  /// minutes in a debug build.
  static func run(_ arguments: [String]) async throws -> FinishedProcess {
    try await runProcessToExit(executable.path, arguments, in: repository)
  }

  static func packageFile(_ path: String) -> String {
    repository.appendingPathComponent(".deps/site-packages/\(path)").path
  }
}
