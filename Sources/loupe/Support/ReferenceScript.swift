import Foundation
import LoupeRuntime

/// A reference script of the repository (`Benchmarks/…`, `scripts/…`) run with one of the Python
/// venvs setup makes under `.deps/`; the benchmarks read its standard output.
struct ReferenceScript {
  /// Path from the repository root, e.g. `Benchmarks/faces_onnxruntime.py`.
  var path: String
  /// The venv folder under `.deps/`: `venv` (the models' venv) or `speech-ref`.
  var venv = "venv"

  /// Runs the script to completion and returns its standard output; a non-zero exit is an error
  /// naming the script.
  func run(
    _ arguments: [String],
    environment: [String: String] = [:],
    dependencies: DependenciesDirectory
  ) throws -> Data {
    let script = dependencies.root.deletingLastPathComponent().appendingPathComponent(path)
    let process = Process()
    process.executableURL = dependencies.root.appendingPathComponent("\(venv)/bin/python")
    process.arguments = [script.path] + arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw CLIError("reference script failed (run ./scripts/setup): \(path)")
    }
    return data
  }
}
