import LoupeJobs

extension JobWorkerPool.Configuration {
  mutating func apply(_ file: ConfigurationFile.Jobs) throws {
    if let workers = file.workers { self.workers = try positive(workers, "jobs.workers") }
    if let attempts = file.maxAttempts { retry.maxAttempts = try positive(attempts, "jobs.max_attempts") }
    if let seconds = file.retryBackoffSeconds {
      guard seconds >= 0 else { throw ConfigurationError.invalidValue("jobs.retry_backoff_seconds", "must be >= 0") }
      retry.initialBackoff = seconds
    }
    if let seconds = file.leaseSeconds {
      guard seconds >= 3 else { throw ConfigurationError.invalidValue("jobs.lease_seconds", "must be >= 3") }
      leaseDuration = seconds
    }
    if let hours = file.retentionHours {
      guard hours > 0 else { throw ConfigurationError.invalidValue("jobs.retention_hours", "must be > 0") }
      retention = hours * 3600
    }
  }
}
