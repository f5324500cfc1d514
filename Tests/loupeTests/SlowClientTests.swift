import Foundation
import LoupeMedia
import LoupeTestSupport
import Testing

@testable import loupe

/// Many clients that start large uploads and then go quiet: what they can make the server hold
/// is bounded, whoever they are.
@Suite(.offCooperativePool) struct SlowClientTests {
  let dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-slow-\(UUID().uuidString)")

  /// 200 connections, each announcing a 50 MiB upload and sending 4 MiB of it before idling:
  /// half without `Authorization`, half naming the app with a signature they cannot have made.
  /// Before callers were identified ahead of the body, and bodies had a server-wide budget, the
  /// server kept all 800 MiB (and 40 such clients took it from 640 MiB to 2.66 GB).
  @Test func twoHundredStalledUploadsHoldBoundedMemory() async throws {
    defer { try? FileManager.default.removeItem(at: dataDirectory) }
    let fixture = try await ServeFixture(dataDirectory: dataDirectory, mediaRoot: dataDirectory)
    let server = try await fixture.startServer()
    defer { _ = server.stop() }
    let before = try #require(server.residentKilobytes())

    let chunk = [UInt8](repeating: 0x61, count: 4 << 20)
    let signature = String(repeating: "ab", count: 32)
    let (appID, port) = (fixture.appID, server.port)
    let connections = try await offCooperativePool {
      try (0..<200).map { index in
        let connection = try RawConnection(port: port, sendTimeout: .milliseconds(500))
        var head = "POST /v1/blobs HTTP/1.1\r\nHost: loupe\r\nContent-Length: \(50 << 20)\r\n"
        if index % 2 == 1 { head += "Authorization: \(appID):\(signature)\r\n" }
        try connection.send(head + "\r\n")
        // A refused or throttled client stops being read: its send times out, and it idles.
        try? connection.send(chunk)
        return connection
      }
    }
    try await Task.sleep(for: .seconds(2))
    let during = try #require(server.residentKilobytes())
    let health = try await offCooperativePool {
      try RawConnection(port: port).exchange(
        "GET /healthz HTTP/1.1\r\nHost: loupe\r\nConnection: close\r\n\r\n",
        timeout: .seconds(5)
      )
    }
    withExtendedLifetime(connections) {}
    let grown = (during - before) / 1024
    print("stalled uploads: RSS \(before / 1024) MiB before, \(during / 1024) MiB with 200 stalled connections")
    #expect(health.contains("200 OK"), "the server still answers: \(health)")
    #expect(grown < 400, "200 stalled uploads grew the server by \(grown) MiB")
  }
}
