import AsyncHTTPClient
import ServiceLifecycle

/// Keeps the outbound HTTP client alive for the server's lifetime and shuts it down, after the
/// server has drained, on graceful shutdown.
public struct HTTPClientService: Service, CustomStringConvertible {
  let client: HTTPClient

  public init(client: HTTPClient) {
    self.client = client
  }

  public func run() async throws {
    try? await gracefulShutdown()
    try await client.shutdown()
  }
}

extension HTTPClientService {
  /// The name in ServiceLifecycle's logs, instead of a reflection of the whole value (as
  /// `JobWorkerPool.description` explains).
  public var description: String { "HTTPClientService" }
}
