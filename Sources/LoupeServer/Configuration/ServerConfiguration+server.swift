import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import NIOCore
import NIOSSL

/// What keeps `loupe serve` from starting, in words that name the setting to fix.
public enum ServerSetupError: Error, CustomStringConvertible {
  case unreadableTLSFile(setting: String, path: String, reason: String)

  public var description: String {
    switch self {
    case .unreadableTLSFile(let setting, let path, let reason):
      "cannot use \(setting) \(path): \(reason)"
    }
  }
}

extension ServerConfiguration {
  /// HTTP/1.1 with the idle timeout, wrapped in TLS when certificate and key are set.
  func serverBuilder() throws -> HTTPServerBuilder {
    let (seconds, attoseconds) = limits.idleTimeout.components
    let idle = TimeAmount.nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    let http1 = HTTPServerBuilder.http1(configuration: .init(idleTimeout: idle))
    guard let tls = try tlsConfiguration() else { return http1 }
    return try .tls(http1, tlsConfiguration: tls)
  }

  /// Reads the TLS files, if any; `loupe serve` calls this before loading its models, so a wrong
  /// path stops it at once with the flag named.
  public func checkTLSFiles() throws {
    _ = try tlsConfiguration()
  }

  /// The TLS settings from the PEM files, `nil` without TLS.
  func tlsConfiguration() throws -> TLSConfiguration? {
    guard let tls else { return nil }
    let chain: [NIOSSLCertificate]
    do {
      chain = try NIOSSLCertificate.fromPEMFile(tls.certificateChain)
    } catch {
      throw ServerSetupError.unreadableTLSFile(setting: "--tls-cert", path: tls.certificateChain, reason: "\(error)")
    }
    guard !chain.isEmpty else {
      throw ServerSetupError.unreadableTLSFile(
        setting: "--tls-cert",
        path: tls.certificateChain,
        reason: "no PEM certificate in it"
      )
    }
    let key: NIOSSLPrivateKey
    do {
      key = try NIOSSLPrivateKey(file: tls.privateKey, format: .pem)
    } catch {
      throw ServerSetupError.unreadableTLSFile(setting: "--tls-key", path: tls.privateKey, reason: "\(error)")
    }
    return TLSConfiguration.makeServerConfiguration(
      certificateChain: chain.map { .certificate($0) },
      privateKey: .privateKey(key)
    )
  }
}
