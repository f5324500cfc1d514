import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A plain TCP connection to a loopback port, for tests about what the server does with clients
/// that misbehave: headers without a body, bodies that trickle, sockets left idle. Blocking
/// calls; callers run it off the cooperative pool (`offCooperativePool`) or accept a short block.
public final class RawConnection: @unchecked Sendable {
  private let descriptor: Int32

  public struct Failure: Error, CustomStringConvertible {
    public let description: String
  }

  /// Connects; a `send` that cannot proceed for `sendTimeout` (the server stopped reading) throws.
  public init(port: Int, sendTimeout: Duration = .seconds(5)) throws {
    descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { throw Failure(description: "socket: errno \(errno)") }
    let microseconds = Int(sendTimeout / .microseconds(1))
    var limit = timeval(tv_sec: microseconds / 1_000_000, tv_usec: microseconds % 1_000_000)
    setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else {
      close(descriptor)
      throw Failure(description: "connect to port \(port): errno \(errno)")
    }
  }

  deinit { close(descriptor) }

  /// Sends all of `bytes`; throws once the server has closed the connection.
  public func send(_ bytes: [UInt8]) throws {
    var offset = 0
    while offset < bytes.count {
      let sent = bytes[offset...].withUnsafeBytes {
        Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
      }
      guard sent > 0 else { throw Failure(description: "send: errno \(errno)") }
      offset += sent
    }
  }

  public func send(_ text: String) throws { try send(Array(text.utf8)) }

  /// Sends a request and reads the answer until the server closes the connection.
  public func exchange(_ request: String, timeout: Duration) throws -> String {
    try send(request)
    return read(timeout: timeout).text
  }

  /// What arrives until the server closes the connection or `timeout` passes, and whether it
  /// closed.
  public func read(timeout: Duration) -> (text: String, closed: Bool) {
    let deadline = ContinuousClock.now + timeout
    var received: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let left = deadline - ContinuousClock.now
      guard left > .zero else { return (String(decoding: received, as: UTF8.self), false) }
      var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
      let milliseconds = Int32(
        max(1, left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000)
      )
      guard poll(&poller, 1, milliseconds) > 0 else { continue }
      let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
      if count <= 0 { return (String(decoding: received, as: UTF8.self), true) }
      received += buffer[0..<count]
    }
  }
}
