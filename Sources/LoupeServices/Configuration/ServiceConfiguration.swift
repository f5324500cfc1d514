import Foundation
import LoupeJobs
import LoupeMedia
import LoupeVectors

/// What the application layer is told, by flags and the JSON config file (`--config`): where
/// its data lives, what it may fetch and read, and the limits of its inputs and jobs. The HTTP
/// edge's own settings (address, body limits) are `LoupeServer.ServerConfiguration`.
public struct ServiceConfiguration: Sendable {
  public var dataDirectory: URL
  public var fetch = FetchPolicy()
  /// Folders whose files `file://` inputs may name; none by default.
  public var mediaRoots: [URL] = []
  public var images = ImageLimits()
  public var videos = VideoSettings()
  public var jobs = JobWorkerPool.Configuration()
  /// Bytes an app's uploaded blobs may hold together.
  public var maxBlobBytesPerApp = 1 << 30
  /// How long a blob is kept after its upload; `nil` keeps blobs until deleted.
  public var blobRetention: TimeInterval? = 30 * 86400
  /// Synchronous analyses running and waiting at once (`AnalysisGate`).
  public var analyses = AnalysisGate.Limits.default
  /// What one app may queue (the config file's `jobs.max_unfinished_per_app`).
  public var admission = JobAdmission.Configuration()
  /// When a collection's vector field moves from an exact scan to an HNSW graph (docs/vectors.md).
  public var vectorIndex = AdaptiveConfiguration()
  /// The media library's upload limits and URL lifetimes.
  public var library = LibrarySettings()

  public init(dataDirectory: URL) {
    self.dataDirectory = dataDirectory
  }

  /// Applies a config file's settings over these.
  public mutating func apply(_ file: ConfigurationFile) throws {
    if let directory = file.dataDir { dataDirectory = URL(fileURLWithPath: directory) }
    if let fetchFile = file.fetch { try fetch.apply(fetchFile) }
    if let roots = file.mediaRoots {
      mediaRoots = roots.map { URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath() }
    }
    if let bytes = file.maxImageBytes { images.maxBytes = bytes }
    if let pixels = file.maxImagePixels { images.maxPixels = pixels }
    if let videosFile = file.videos { try videos.apply(videosFile) }
    if let jobsFile = file.jobs {
      try jobs.apply(jobsFile)
      try admission.apply(jobsFile)
    }
    if let blobsFile = file.blobs {
      if let bytes = blobsFile.maxBytesPerApp {
        guard bytes > 0 else { throw ConfigurationError.invalidValue("blobs.max_bytes_per_app", "must be > 0") }
        maxBlobBytesPerApp = bytes
      }
      if let days = blobsFile.retentionDays {
        guard days >= 0 else { throw ConfigurationError.invalidValue("blobs.retention_days", "must be >= 0") }
        // 0 keeps blobs until their app deletes them.
        blobRetention = days > 0 ? days * 86400 : nil
      }
    }
    if let libraryFile = file.library { try library.apply(libraryFile) }
    if let running = file.maxRunningAnalyses {
      guard running > 0 else { throw ConfigurationError.invalidValue("max_running_analyses", "must be > 0") }
      analyses.running = running
    }
    if let waiting = file.maxWaitingAnalyses {
      guard waiting >= 0 else { throw ConfigurationError.invalidValue("max_waiting_analyses", "must be >= 0") }
      analyses.waiting = waiting
    }
  }
}
