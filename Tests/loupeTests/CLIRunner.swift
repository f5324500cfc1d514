import Foundation
import LoupeTestSupport

@testable import loupe

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

  /// `loupe serve arguments…` on a free port. How long it took to listen is printed. A start
  /// that takes 3 s alone took 240-310 s beside the whole suite on 2 cores (the children share
  /// the CPU thread by thread with the test process's dozens), so the wait is bounded only to
  /// catch a hang, not to time anything.
  static func startServer(_ arguments: [String]) async throws -> ServerProcess {
    let start = ContinuousClock.now
    let server = try await ServerProcess.start(
      executable,
      arguments: arguments,
      in: repository,
      startTimeout: .seconds(1200)
    )
    print(String(format: "loupe serve listening after %.1f s", (ContinuousClock.now - start).seconds))
    return server
  }

  static func packageFile(_ path: String) -> String {
    repository.appendingPathComponent(".deps/site-packages/\(path)").path
  }
}
