import Foundation
import LoupeMedia
import LoupeServer
import LoupeTestSupport
import Testing

/// What the edge does with clients that cannot sign, send too much, or hold connections open:
/// over a real socket, since what matters is what the server reads and when it hangs up.
@Suite(.offCooperativePool) struct ConnectionTests {
  /// Headers announcing a 50 MiB upload, and not one byte of it.
  static func upload(authorization: String?) -> String {
    var head = "POST /v1/blobs HTTP/1.1\r\nHost: loupe\r\nConnection: close\r\nContent-Length: \(50 << 20)\r\n"
    if let authorization { head += "Authorization: \(authorization)\r\n" }
    return head + "\r\n"
  }

  /// These requests say `Connection: close`, so the server hangs up once it has answered; the
  /// idle timeout is made long so that a busy test machine cannot close the connection first.
  static func patientIdle(_ configuration: inout ServerConfiguration) {
    configuration.limits.idleTimeout = .seconds(120)
  }

  static func exchange(_ port: Int, _ request: String, timeout: Duration = .seconds(90)) async throws -> String {
    try await offCooperativePool { try RawConnection(port: port).exchange(request, timeout: timeout) }
  }

  @Test func callersThatCannotSignAreRefusedBeforeTheirBodyIsRead() async throws {
    try await TestServer.run(.live, edge: Self.patientIdle) { server in
      let port = try #require(server.client.port)
      for authorization in [nil, "no-colon", "123:" + String(repeating: "0", count: 64)] {
        let answer = try await Self.exchange(port, Self.upload(authorization: authorization))
        #expect(
          answer.hasPrefix("HTTP/1.1 400") && answer.contains("not found appid"),
          "\(authorization ?? "none"): \(answer)"
        )
      }
      let malformed = try await Self.exchange(port, Self.upload(authorization: "\(server.app.id):not-hex"))
      #expect(malformed.hasPrefix("HTTP/1.1 401") && malformed.contains("sign error"), "\(malformed)")
    }
  }

  @Test func aDeclaredOversizeBodyIsRefusedUnread() async throws {
    try await TestServer.run(.live, edge: Self.patientIdle) { server in
      let port = try #require(server.client.port)
      let signature = String(repeating: "ab", count: 32)
      let request = Self.upload(authorization: "\(server.app.id):\(signature)")
        .replacingOccurrences(of: "\(50 << 20)", with: "\((50 << 20) + 1)")
      let answer = try await Self.exchange(port, request)
      #expect(answer.hasPrefix("HTTP/1.1 413") && answer.contains("request body exceeds"), "\(answer)")
    }
  }

  @Test func idleConnectionsAreClosed() async throws {
    try await TestServer.run(.live, edge: { $0.limits.idleTimeout = .seconds(1) }) { server in
      let port = try #require(server.client.port)
      let silent = try await offCooperativePool { try RawConnection(port: port).read(timeout: .seconds(6)) }
      #expect(silent.closed, "a connection that never sent a byte")
      let halfHeaders = try await offCooperativePool {
        let connection = try RawConnection(port: port)
        try connection.send("POST /api/v1/images HTTP/1.1\r\nHost: loupe\r\n")
        return connection.read(timeout: .seconds(6))
      }
      #expect(halfHeaders.closed, "a connection that stopped in the middle of its headers")
    }
  }

  @Test func aTricklingBodyTimesOut() async throws {
    try await TestServer.run(
      .live,
      edge: {
        $0.limits.bodyTimeout = .seconds(1)
        Self.patientIdle(&$0)
      }
    ) { server in
      let port = try #require(server.client.port)
      let signature = String(repeating: "ab", count: 32)
      let answer = try await offCooperativePool {
        let connection = try RawConnection(port: port)
        try connection.send(
          "POST /api/v1/images HTTP/1.1\r\nHost: loupe\r\nConnection: close\r\nContent-Length: 100\r\nAuthorization: \(server.app.id):\(signature)\r\n\r\n"
        )
        // One byte every 300 ms, never idle and never done, until the server answers: however
        // late a busy machine lets the server start reading, the byte after its deadline ends it.
        var answer = ""
        for _ in 0..<200 where answer.isEmpty {
          try? connection.send("x")
          let (text, closed) = connection.read(timeout: .milliseconds(300))
          answer += text
          if closed { return answer }
        }
        return answer + connection.read(timeout: .seconds(10)).text
      }
      #expect(answer.hasPrefix("HTTP/1.1 408") && answer.contains("not received within 1 seconds"), "\(answer)")
    }
  }

  @Test func bodiesBeyondTheServerWideBudgetAreRefusedAsBusy() async throws {
    try await TestServer.run(edge: { $0.limits.maxBufferedBodyBytes = 1000 }) { server in
      let small = try await server.request(.POST, "/v1/blobs", bytes: Array(repeating: 7, count: 900))
      #expect(small.status == 200, "\(small.text)")
      let large = try await server.request(.POST, "/v1/blobs", bytes: Array(repeating: 7, count: 2000))
      #expect(large.status == 503 && large.code == "SERVER_BUSY" && large.header("Retry-After") == "1", "\(large.text)")
      // The first request's bytes went back to the budget when it was answered.
      #expect(try await server.request(.POST, "/v1/blobs", bytes: Array(repeating: 8, count: 900)).status == 200)
    }
  }
}
