import ArgumentParser

/// What one `loupe serve` process does. On the embedded SQLite store every role of a deployment
/// shares one host and one data directory, and at most one process with workers (`all` or
/// `worker`) may use it at a time: that process holds the directory's `serve.lock`, which makes
/// requeueing the jobs it finds running at start safe.
enum ServeRole: String, ExpressibleByArgument, CaseIterable {
  /// HTTP and job workers in one process (the default).
  case all
  /// HTTP only: requests are answered and jobs queued; another process runs them.
  case api
  /// Job workers only, without HTTP.
  case worker

  var servesHTTP: Bool { self != .worker }
  var runsWorkers: Bool { self != .api }
}
