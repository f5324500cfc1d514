import Dispatch
import Foundation
import LoupeMedia

/// Runs a program to completion and returns its standard output; a non-zero exit is an error
/// carrying its standard error.
public func runProcess(_ executable: String, _ arguments: [String], in directory: URL? = nil) async throws -> String {
  let finished = try await runProcessToExit(executable, arguments, in: directory)
  guard finished.status == 0 else {
    throw ChildProcessError(executable: executable, status: finished.status, standardError: finished.standardError)
  }
  return finished.standardOutput
}

/// How a child process ended: its exit status and everything it wrote.
public struct FinishedProcess: Sendable {
  public var status: Int32
  public var standardOutput: String
  public var standardError: String
}

/// Runs a program to completion, whatever its exit status. The blocking wait happens on a
/// Dispatch thread, never on one of Swift concurrency's few cooperative threads: tests that
/// drive an in-process server with a child client (the PAI SDKs) would otherwise starve the
/// server of threads and hang.
public func runProcessToExit(
  _ executable: String,
  _ arguments: [String],
  in directory: URL? = nil
) async throws -> FinishedProcess {
  try await offCooperativePool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    // Standard error is drained on its own thread so a chatty child cannot fill its pipe
    // while this one waits for standard output.
    nonisolated(unsafe) var errorData = Data()  // written before `drained` signals, read after
    let drained = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      errorData = errors.fileHandleForReading.readDataToEndOfFile()
      drained.signal()
    }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    drained.wait()
    process.waitUntilExit()
    return FinishedProcess(
      status: process.terminationStatus,
      standardOutput: String(decoding: data, as: UTF8.self),
      standardError: String(decoding: errorData, as: UTF8.self)
    )
  }
}

public struct ChildProcessError: Error, CustomStringConvertible {
  public var executable: String
  public var status: Int32
  public var standardError: String

  public var description: String { "\(executable) exited with \(status): \(standardError)" }
}
