import Foundation
import LoupeServices

/// The HTTP edge's settings: where it listens, over TLS or not, how much a request may carry and
/// how long a connection may take. Flags and the environment set the address and TLS files; the
/// JSON config file may set all of them.
public struct ServerConfiguration: Sendable {
  public var host: String = "127.0.0.1"
  public var port: Int = 8080
  public var limits = RequestLimits()
  /// PEM certificate chain and private key; both set, the server speaks only HTTPS.
  public var tls: TLSFiles?

  public init() {}

  /// Applies a config file's settings over these.
  public mutating func apply(_ file: ConfigurationFile) {
    if let host = file.host { self.host = host }
    if let port = file.port { self.port = port }
    if let bytes = file.maxBodyBytes { limits.maxBodyBytes = bytes }
    if let bytes = file.maxBlobBytes { limits.maxBlobBytes = bytes }
    if let depth = file.maxJSONDepth { limits.maxJSONDepth = depth }
    if let seconds = file.idleTimeoutSeconds { limits.idleTimeout = .seconds(seconds) }
    if let seconds = file.bodyTimeoutSeconds { limits.bodyTimeout = .seconds(seconds) }
    if let bytes = file.maxBufferedBodyBytes { limits.maxBufferedBodyBytes = bytes }
    if let certificate = file.tlsCertificate, let key = file.tlsKey {
      tls = TLSFiles(certificateChain: certificate, privateKey: key)
    }
  }
}

public struct RequestLimits: Sendable {
  /// JSON API bodies; `data:` image URIs count against it.
  public var maxBodyBytes = 16 << 20
  public var maxBlobBytes = 50 << 20
  public var maxJSONDepth = 32
  /// A connection that sends nothing for this long, between requests or in the middle of one,
  /// is closed.
  public var idleTimeout: Duration = .seconds(30)
  /// A request body must arrive whole within this (50 MiB at 2 Mbit/s takes 210 s).
  public var bodyTimeout: Duration = .seconds(300)
  /// Request bodies held in memory at once, over all connections (`BodyBudget`).
  public var maxBufferedBodyBytes = 256 << 20
}

/// Paths of the PEM files `loupe serve --tls-cert/--tls-key` names.
public struct TLSFiles: Sendable, Equatable {
  public var certificateChain: String
  public var privateKey: String

  public init(certificateChain: String, privateKey: String) {
    self.certificateChain = certificateChain
    self.privateKey = privateKey
  }
}
