import Foundation

/// How often a job may run and how long a transient failure waits before the next run:
/// `initialBackoff · multiplier^(attempt − 1)`, at most `maxBackoff`. Runs a crash interrupted
/// count too, so a job that kills the process cannot loop forever.
public struct RetryPolicy: Sendable, Equatable {
  public var maxAttempts: Int
  public var initialBackoff: TimeInterval
  public var multiplier: Double
  public var maxBackoff: TimeInterval

  public init(
    maxAttempts: Int = 3,
    initialBackoff: TimeInterval = 2,
    multiplier: Double = 4,
    maxBackoff: TimeInterval = 60
  ) {
    precondition(maxAttempts >= 1, "a job runs at least once")
    self.maxAttempts = maxAttempts
    self.initialBackoff = initialBackoff
    self.multiplier = multiplier
    self.maxBackoff = maxBackoff
  }

  /// The wait after the `attempt`-th run failed transiently.
  public func backoff(afterAttempt attempt: Int) -> TimeInterval {
    min(maxBackoff, initialBackoff * pow(multiplier, Double(max(0, attempt - 1))))
  }
}
