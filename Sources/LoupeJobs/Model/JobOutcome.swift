import Foundation

/// How a run ended.
public enum JobOutcome: Sendable, Equatable {
  /// Done: `result` is PAI's `Result` JSON string.
  case succeeded(result: String)
  /// Done, for good: `message` says why.
  case failed(message: String)
  /// A transient fault: queued again, not before `runAfter`.
  case retry(message: String, runAfter: Date)
  /// Stopped by shutdown, not by the job: queued again, and this run does not count as an attempt.
  case released(message: String)
}

extension JobOutcome {
  /// For metrics: the kind of outcome.
  public var name: String {
    switch self {
    case .succeeded: "succeeded"
    case .failed: "failed"
    case .retry: "retry"
    case .released: "released"
    }
  }

  /// For logs: the outcome without the result document.
  public var summary: String {
    switch self {
    case .succeeded: "succeeded"
    case .failed(let message): "failed: \(message)"
    case .retry(let message, let runAfter): "retry after \(runAfter): \(message)"
    case .released(let message): "released: \(message)"
    }
  }
}
