import Foundation
import LoupeJobs
import LoupeMedia

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
  /// What one app may queue (the config file's `jobs.max_unfinished_per_app`).
  public var admission = JobAdmission.Configuration()

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
  }
}
