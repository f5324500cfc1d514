/// An address range in CIDR form (`10.0.0.0/8`, `fd00::/8`); a bare address is a /32 or /128.
public struct IPNetwork: Sendable, Hashable, CustomStringConvertible {
  public let base: IPAddress
  public let prefixLength: Int

  public init?(_ text: String) {
    let parts = text.split(separator: "/", maxSplits: 1).map(String.init)
    guard let address = parts.first.flatMap(IPAddress.init) else { return nil }
    let bits = address.bytes.count * 8
    if parts.count == 2 {
      guard let length = Int(parts[1]), (0...bits).contains(length) else { return nil }
      prefixLength = length
    } else {
      prefixLength = bits
    }
    base = address
  }

  public var description: String { "\(base)/\(prefixLength)" }

  public func contains(_ address: IPAddress) -> Bool {
    guard address.bytes.count == base.bytes.count else {
      return address.embeddedIPv4.map(contains) ?? false
    }
    var remaining = prefixLength
    for (lhs, rhs) in zip(address.bytes, base.bytes) where remaining > 0 {
      let mask: UInt8 = remaining >= 8 ? 0xff : ~(0xff >> UInt8(remaining))
      if lhs & mask != rhs & mask { return false }
      remaining -= 8
    }
    return true
  }
}
