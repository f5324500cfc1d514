import Foundation

/// How the server fetches `http(s)://` inputs. Private, loopback, link-local and cloud-metadata
/// addresses are refused unless a network in `allowedNetworks` contains them.
public struct FetchPolicy: Sendable {
  public var allowedNetworks: [IPNetwork] = []
  public var timeout: Duration = .seconds(20)
  public var maxBytes = 20 << 20
  public var maxRedirects = 3

  public init() {}

  mutating func apply(_ file: ConfigurationFile.Fetch) throws {
    if let networks = file.allowNetworks {
      allowedNetworks = try networks.map { text in
        guard let network = IPNetwork(text) else { throw ConfigurationError.invalidNetwork(text) }
        return network
      }
    }
    if let seconds = file.timeoutSeconds { timeout = .milliseconds(Int64(seconds * 1000)) }
    if let bytes = file.maxBytes { maxBytes = bytes }
    if let redirects = file.maxRedirects { maxRedirects = redirects }
  }

  /// Whether the server may connect to `address`.
  public func permits(_ address: IPAddress) -> Bool {
    !address.isInternal || allowedNetworks.contains { $0.contains(address) }
  }
}

public enum ConfigurationError: Error, CustomStringConvertible {
  case invalidNetwork(String)
  case invalidValue(String, String)

  public var description: String {
    switch self {
    case .invalidNetwork(let text): "fetch.allow_networks: \(text.debugDescription) is not an address or CIDR network"
    case .invalidValue(let key, let reason): "\(key) \(reason)"
    }
  }
}
