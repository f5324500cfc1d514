import Foundation

/// The `--config` JSON file. Keys are snake_case; every key is optional. The HTTP edge reads
/// its keys (address, body limits, timeouts, TLS), the application layer the rest.
public struct ConfigurationFile: Decodable, Sendable {
  public var host: String?
  public var port: Int?
  public var dataDir: String?
  public var maxBodyBytes: Int?
  public var maxBlobBytes: Int?
  public var maxJSONDepth: Int?
  public var idleTimeoutSeconds: Double?
  public var bodyTimeoutSeconds: Double?
  public var maxBufferedBodyBytes: Int?
  public var tlsCertificate: String?
  public var tlsKey: String?
  var maxImageBytes: Int?
  var maxImagePixels: Int?
  var mediaRoots: [String]?
  var maxRunningAnalyses: Int?
  var maxWaitingAnalyses: Int?
  var fetch: Fetch?
  var jobs: Jobs?
  var videos: Videos?
  var blobs: Blobs?
  var library: Library?

  struct Library: Decodable, Sendable {
    var maxVideoBytes: Int?
    var maxReferenceImageBytes: Int?
    var uploadURLSeconds: Double?
    var mediaURLSeconds: Double?
    var maxClipSeconds: Double?
    var publicBaseURL: String?
    var drawnFaces: Bool?

    enum CodingKeys: String, CodingKey {
      case maxVideoBytes = "max_video_bytes"
      case maxReferenceImageBytes = "max_reference_image_bytes"
      case uploadURLSeconds = "upload_url_seconds"
      case mediaURLSeconds = "media_url_seconds"
      case maxClipSeconds = "max_clip_seconds"
      case publicBaseURL = "public_base_url"
      case drawnFaces = "drawn_faces"
    }
  }

  struct Blobs: Decodable, Sendable {
    var maxBytesPerApp: Int?
    var retentionDays: Double?

    enum CodingKeys: String, CodingKey {
      case maxBytesPerApp = "max_bytes_per_app"
      case retentionDays = "retention_days"
    }
  }

  struct Fetch: Decodable, Sendable {
    var allowNetworks: [String]?
    var timeoutSeconds: Double?
    var maxBytes: Int?
    var maxRedirects: Int?
  }

  struct Jobs: Decodable, Sendable {
    var workers: Int?
    var maxAttempts: Int?
    var retryBackoffSeconds: Double?
    var leaseSeconds: Double?
    var retentionHours: Double?
    var maxUnfinishedPerApp: Int?
  }

  struct Videos: Decodable, Sendable {
    var maxBytes: Int?
    var maxDurationSeconds: Double?
    var maxFramePixels: Int?
    var maxBatchSize: Int?
    var maxImages: Int?
    var downloadTimeoutSeconds: Double?
  }

  enum CodingKeys: String, CodingKey {
    case host, port, fetch, jobs, videos, blobs, library
    case dataDir = "data_dir"
    case maxBodyBytes = "max_body_bytes"
    case maxBlobBytes = "max_blob_bytes"
    case maxJSONDepth = "max_json_depth"
    case idleTimeoutSeconds = "idle_timeout_seconds"
    case bodyTimeoutSeconds = "body_timeout_seconds"
    case maxBufferedBodyBytes = "max_buffered_body_bytes"
    case tlsCertificate = "tls_cert"
    case tlsKey = "tls_key"
    case maxImageBytes = "max_image_bytes"
    case maxImagePixels = "max_image_pixels"
    case mediaRoots = "media_roots"
    case maxRunningAnalyses = "max_running_analyses"
    case maxWaitingAnalyses = "max_waiting_analyses"
  }

  public static func load(from url: URL) throws -> ConfigurationFile {
    let decoder = JSONDecoder()
    return try decoder.decode(ConfigurationFile.self, from: Data(contentsOf: url))
  }
}

extension ConfigurationFile.Fetch {
  enum CodingKeys: String, CodingKey {
    case allowNetworks = "allow_networks"
    case timeoutSeconds = "timeout_seconds"
    case maxBytes = "max_bytes"
    case maxRedirects = "max_redirects"
  }
}

extension ConfigurationFile.Jobs {
  enum CodingKeys: String, CodingKey {
    case workers
    case maxAttempts = "max_attempts"
    case retryBackoffSeconds = "retry_backoff_seconds"
    case leaseSeconds = "lease_seconds"
    case retentionHours = "retention_hours"
    case maxUnfinishedPerApp = "max_unfinished_per_app"
  }
}

extension ConfigurationFile.Videos {
  enum CodingKeys: String, CodingKey {
    case maxBytes = "max_bytes"
    case maxDurationSeconds = "max_duration_seconds"
    case maxFramePixels = "max_frame_pixels"
    case maxBatchSize = "max_batch_size"
    case maxImages = "max_images"
    case downloadTimeoutSeconds = "download_timeout_seconds"
  }
}
