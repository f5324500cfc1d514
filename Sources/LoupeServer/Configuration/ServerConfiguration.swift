import Foundation
import LoupeJobs
import LoupeMedia

/// Everything `loupe serve` can be told: flags and environment set the address and data
/// directory; the JSON config file (`--config`) sets limits, fetch policy and media roots.
public struct ServerConfiguration: Sendable {
  public var host: String = "127.0.0.1"
  public var port: Int = 8080
  public var dataDirectory: URL
  public var limits = RequestLimits()
  public var fetch = FetchPolicy()
  /// Folders whose files `file://` inputs may name; none by default.
  public var mediaRoots: [URL] = []
  public var images = ImageLimits()
  public var videos = VideoSettings()
  public var jobs = JobWorkerPool.Configuration()

  public init(dataDirectory: URL) {
    self.dataDirectory = dataDirectory
  }

  /// Applies a config file's settings over these.
  public mutating func apply(_ file: ConfigurationFile) throws {
    if let host = file.host { self.host = host }
    if let port = file.port { self.port = port }
    if let directory = file.dataDir { dataDirectory = URL(fileURLWithPath: directory) }
    if let bytes = file.maxBodyBytes { limits.maxBodyBytes = bytes }
    if let bytes = file.maxBlobBytes { limits.maxBlobBytes = bytes }
    if let depth = file.maxJSONDepth { limits.maxJSONDepth = depth }
    if let fetchFile = file.fetch { try fetch.apply(fetchFile) }
    if let roots = file.mediaRoots {
      mediaRoots = roots.map { URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath() }
    }
    if let bytes = file.maxImageBytes { images.maxBytes = bytes }
    if let pixels = file.maxImagePixels { images.maxPixels = pixels }
    if let videosFile = file.videos { try videos.apply(videosFile) }
    if let jobsFile = file.jobs { try jobs.apply(jobsFile) }
  }
}

public struct RequestLimits: Sendable {
  /// JSON API bodies; `data:` image URIs count against it.
  public var maxBodyBytes = 16 << 20
  public var maxBlobBytes = 50 << 20
  public var maxJSONDepth = 32
}
