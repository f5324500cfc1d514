import Foundation
import NIOPosix

/// Resolves host names with the system resolver, off the cooperative pool (getaddrinfo blocks).
public struct AddressResolver: Sendable {
  public var resolve: @Sendable (_ host: String) async throws -> [IPAddress]

  public init(resolve: @escaping @Sendable (_ host: String) async throws -> [IPAddress]) {
    self.resolve = resolve
  }

  public static let system = AddressResolver { host in
    if let literal = IPAddress(host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))) { return [literal] }
    return try await NIOThreadPool.singleton.runIfActive { try lookUp(host) }
  }

  private static func lookUp(_ host: String) throws -> [IPAddress] {
    var hints = addrinfo()
    hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
    var list: UnsafeMutablePointer<addrinfo>?
    let status = getaddrinfo(host, nil, &hints, &list)
    guard status == 0, let first = list else { throw FetchError.unresolvable(host) }
    defer { freeaddrinfo(list) }
    var addresses: [IPAddress] = []
    var cursor: UnsafeMutablePointer<addrinfo>? = first
    while let entry = cursor {
      if let socketAddress = entry.pointee.ai_addr {
        switch entry.pointee.ai_family {
        case AF_INET:
          let bytes = socketAddress.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { pointer in
            withUnsafeBytes(of: pointer.pointee.sin_addr) { Array($0) }
          }
          addresses.append(IPAddress(bytes: bytes)!)
        case AF_INET6:
          let bytes = socketAddress.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { pointer in
            withUnsafeBytes(of: pointer.pointee.sin6_addr) { Array($0) }
          }
          addresses.append(IPAddress(bytes: bytes)!)
        default: break
        }
      }
      cursor = entry.pointee.ai_next
    }
    return Array(Set(addresses)).sorted { $0.description < $1.description }
  }
}
