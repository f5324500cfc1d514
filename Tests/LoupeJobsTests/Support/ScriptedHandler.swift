import Foundation
import LoupeJobs

/// A job handler whose behaviour each job's `object` names: `ok`, `transient-N` (fails
/// transiently N times, then succeeds), `permanent`, `crash` (an unexpected error) or `block`
/// (runs until cancelled). It records the peak number of jobs running at once.
actor ScriptedHandler: JobHandler {
  private var failuresSoFar: [Int64: Int] = [:]
  private var running = 0
  private(set) var peakConcurrency = 0
  private(set) var runs: [Int64] = []

  func run(_ job: Job, context: JobContext) async throws -> String {
    running += 1
    peakConcurrency = max(peakConcurrency, running)
    runs.append(job.id)
    defer { running -= 1 }
    try await context.step("working")
    try await context.progress(0.5)
    try await Task.sleep(for: .milliseconds(50))
    switch job.object {
    case "permanent":
      throw JobError.permanent("unusable input")
    case "crash":
      // An unexpected error whose text names a server path, as SQL or file errors do.
      throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: "/srv/loupe/data/secret.sqlite"])
    case "block":
      try await Task.sleep(for: .seconds(3600))
      return "{}"
    case let object where object.hasPrefix("transient-"):
      let allowed = Int(object.dropFirst("transient-".count)) ?? 0
      let failures = failuresSoFar[job.id, default: 0]
      if failures < allowed {
        failuresSoFar[job.id] = failures + 1
        throw JobError.transient("download timed out")
      }
      return #"{"object":"\#(job.object)"}"#
    default:
      return #"{"object":"\#(job.object)"}"#
    }
  }
}
