import Foundation

/// An IPv4 or IPv6 address as raw bytes, parsed with the system's `inet_pton`.
public struct IPAddress: Sendable, Hashable, CustomStringConvertible {
  public let bytes: [UInt8]

  public init?(_ text: String) {
    var v4 = in_addr()
    if inet_pton(AF_INET, text, &v4) == 1 {
      bytes = withUnsafeBytes(of: &v4) { Array($0) }
      return
    }
    var v6 = in6_addr()
    if inet_pton(AF_INET6, text, &v6) == 1 {
      bytes = withUnsafeBytes(of: &v6) { Array($0) }
      return
    }
    return nil
  }

  public init?(bytes: [UInt8]) {
    guard bytes.count == 4 || bytes.count == 16 else { return nil }
    self.bytes = bytes
  }

  public var isIPv4: Bool { bytes.count == 4 }

  public var description: String {
    var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
    let family = isIPv4 ? AF_INET : AF_INET6
    _ = bytes.withUnsafeBytes { inet_ntop(family, $0.baseAddress, &buffer, socklen_t(buffer.count)) }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// The IPv4 address carried inside an IPv4-mapped (`::ffff:a.b.c.d`), IPv4-compatible or NAT64
  /// (`64:ff9b::/96`) IPv6 address, which reach the same hosts as the IPv4 address itself.
  var embeddedIPv4: IPAddress? {
    guard bytes.count == 16 else { return nil }
    let prefix = Array(bytes[0..<12])
    let mapped = [UInt8](repeating: 0, count: 10) + [0xff, 0xff]
    let compatible = [UInt8](repeating: 0, count: 12)
    let nat64: [UInt8] = [0x00, 0x64, 0xff, 0x9b] + [UInt8](repeating: 0, count: 8)
    guard prefix == mapped || prefix == nat64 || (prefix == compatible && bytes[12...].contains { $0 != 0 })
    else { return nil }
    return IPAddress(bytes: Array(bytes[12..<16]))
  }

  /// Loopback, private, carrier-grade NAT, link-local (including cloud metadata at
  /// 169.254.169.254 and fd00:ec2::254), multicast, reserved and unspecified addresses: the ones a
  /// URL supplied by a client must not make the server reach.
  public var isInternal: Bool {
    if let embedded = embeddedIPv4 { return embedded.isInternal }
    return Self.internalNetworks.contains { $0.contains(self) }
  }

  private static let internalNetworks: [IPNetwork] = [
    "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
    "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24",
    "224.0.0.0/4", "240.0.0.0/4",
    "::/127", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8", "2001:db8::/32", "100::/64",
  ].map { IPNetwork($0)! }
}
