import AsyncHTTPClient
import Foundation
import LoupeMedia
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// Fetches `http(s)://` inputs under `FetchPolicy`. Every hop of a redirect chain is resolved
/// and checked before the server connects to it; plain-http hops connect to the checked address
/// itself, so a second DNS answer cannot swap in an internal host.
public struct RemoteFetcher: Sendable {
  let client: HTTPClient
  let policy: FetchPolicy
  let resolver: AddressResolver

  public init(client: HTTPClient, policy: FetchPolicy, resolver: AddressResolver = .system) {
    self.client = client
    self.policy = policy
    self.resolver = resolver
  }

  /// A client whose redirects this type follows itself, so each hop passes the address check.
  public static func makeClient() -> HTTPClient {
    var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow)
    configuration.decompression = .enabled(limit: .ratio(20))
    return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
  }

  public func fetch(_ url: URL) async throws -> Data {
    try await withDeadline(policy.timeout) {
      let response = try await follow(url, timeout: policy.timeout)
      if let length = Self.declaredLength(response), length > policy.maxBytes {
        throw FetchError.tooLarge(limit: policy.maxBytes)
      }
      do {
        var buffer = try await response.body.collect(upTo: policy.maxBytes)
        return Data(buffer.readBytes(length: buffer.readableBytes) ?? [])
      } catch is NIOTooManyBytesError {
        throw FetchError.tooLarge(limit: policy.maxBytes)
      } catch {
        throw FetchError.transport(String(describing: error))
      }
    }
  }

  /// Streams the resource into `file` (created or truncated), for inputs too large to hold in
  /// memory (videos); returns the byte count. A partial file is removed on failure.
  public func download(_ url: URL, to file: URL, maxBytes: Int, timeout: Duration) async throws -> Int {
    try await withDeadline(timeout) {
      let response = try await follow(url, timeout: timeout)
      if let length = Self.declaredLength(response), length > maxBytes { throw FetchError.tooLarge(limit: maxBytes) }
      guard FileManager.default.createFile(atPath: file.path, contents: nil, attributes: [.posixPermissions: 0o600]),
        let handle = FileHandle(forWritingAtPath: file.path)
      else { throw FetchError.transport("cannot create \(file.lastPathComponent)") }
      defer { try? handle.close() }
      var written = 0
      do {
        for try await chunk in response.body {
          written += chunk.readableBytes
          guard written <= maxBytes else { throw FetchError.tooLarge(limit: maxBytes) }
          try handle.write(contentsOf: chunk.readableBytesView)
        }
      } catch {
        try? FileManager.default.removeItem(at: file)
        if let error = error as? FetchError { throw error }
        throw FetchError.transport(String(describing: error))
      }
      return written
    }
  }

  /// Follows redirects, checking every hop, to a 200 response whose body is still unread.
  private func follow(_ url: URL, timeout: Duration) async throws -> HTTPClientResponse {
    var current = url
    for _ in 0...policy.maxRedirects {
      switch try await fetchOnce(current, timeout: timeout) {
      case .response(let response): return response
      case .redirect(let location): current = location
      }
    }
    throw FetchError.tooManyRedirects(policy.maxRedirects)
  }

  private enum Hop {
    case response(HTTPClientResponse)
    case redirect(URL)
  }

  private func fetchOnce(_ url: URL, timeout: Duration) async throws -> Hop {
    guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
      throw FetchError.unsupportedScheme(url.scheme ?? "")
    }
    guard let host = url.host, !host.isEmpty else { throw FetchError.unresolvable(url.absoluteString) }
    let addresses = try await resolver.resolve(host)
    guard let first = addresses.first else { throw FetchError.unresolvable(host) }
    if let refused = addresses.first(where: { !policy.permits($0) }) {
      throw FetchError.forbiddenAddress(host: host, address: refused.description)
    }
    var request = HTTPClientRequest(url: scheme == "http" ? pinned(url, to: first) : url.absoluteString)
    request.headers.replaceOrAdd(name: "Host", value: url.port.map { "\(host):\($0)" } ?? host)
    request.headers.add(name: "User-Agent", value: "Loupe")
    let response: HTTPClientResponse
    do {
      response = try await client.execute(request, timeout: .nanoseconds(timeout.nanoseconds))
    } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout {
      throw FetchError.timedOut
    } catch {
      throw FetchError.transport(String(describing: error))
    }
    if (300..<400).contains(response.status.code), let location = response.headers.first(name: "Location") {
      guard let next = URL(string: location, relativeTo: url)?.absoluteURL else {
        throw FetchError.transport("bad redirect location \(location.debugDescription)")
      }
      return .redirect(next)
    }
    guard response.status == .ok else { throw FetchError.status(Int(response.status.code)) }
    return .response(response)
  }

  private static func declaredLength(_ response: HTTPClientResponse) -> Int? {
    response.headers.first(name: "Content-Length").flatMap(Int.init)
  }

  private func pinned(_ url: URL, to address: IPAddress) -> String {
    var components = URLComponents(url: url, resolvingAgainstBaseURL: false)!
    components.host = address.isIPv4 ? address.description : "[\(address.description)]"
    return components.string ?? url.absoluteString
  }
}

/// Runs `operation`, throwing `FetchError.timedOut` if it is still running after `limit`.
func withDeadline<T: Sendable>(
  _ limit: Duration,
  _ operation: @escaping @Sendable () async throws -> T
)
  async throws -> T
{
  try await withThrowingTaskGroup(of: T.self) { group in
    group.addTask { try await operation() }
    group.addTask {
      try await Task.sleep(for: limit)
      throw FetchError.timedOut
    }
    defer { group.cancelAll() }
    return try await group.next()!
  }
}
