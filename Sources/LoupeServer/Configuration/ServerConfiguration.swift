import LoupeServices

/// The HTTP edge's settings: where it listens and how much a request may carry. Flags and the
/// environment set the address; the JSON config file may set all of them.
public struct ServerConfiguration: Sendable {
  public var host: String = "127.0.0.1"
  public var port: Int = 8080
  public var limits = RequestLimits()

  public init() {}

  /// Applies a config file's settings over these.
  public mutating func apply(_ file: ConfigurationFile) {
    if let host = file.host { self.host = host }
    if let port = file.port { self.port = port }
    if let bytes = file.maxBodyBytes { limits.maxBodyBytes = bytes }
    if let bytes = file.maxBlobBytes { limits.maxBlobBytes = bytes }
    if let depth = file.maxJSONDepth { limits.maxJSONDepth = depth }
  }
}

public struct RequestLimits: Sendable {
  /// JSON API bodies; `data:` image URIs count against it.
  public var maxBodyBytes = 16 << 20
  public var maxBlobBytes = 50 << 20
  public var maxJSONDepth = 32
}
