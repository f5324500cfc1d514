import Foundation
import LoupeMedia
import LoupeTestSupport
import Testing

@testable import loupe

/// Heavy synchronous requests beyond capacity: the server keeps answering, refuses what it
/// cannot admit with the documented busy error, and stays within a bounded amount of memory.
@Suite(.offCooperativePool) struct LoadSheddingTests {
  let dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-load-\(UUID().uuidString)")

  /// Three concurrent checks of 20 photos of 100 megapixels each (2 GB of pixels per request at
  /// full size; 6 GB when every photo was decoded whole and kept): `/healthz` answers within 1 s
  /// throughout, each check is answered or refused as busy, and the server's peak RSS stays
  /// under 4 GB.
  @Test func threeConcurrentHundredMegapixelChecksStayResponsiveAndBounded() async throws {
    defer { try? FileManager.default.removeItem(at: dataDirectory) }
    let media = dataDirectory.appendingPathComponent("media")
    try FileManager.default.createDirectory(at: media, withIntermediateDirectories: true)
    let original = media.appendingPathComponent("big-0.jpg")
    // Made off the cooperative pool, which the rest of the suite needs meanwhile.
    let photos = try await offCooperativePool {
      try TestClips.ffmpeg([
        "-f", "lavfi", "-i", "testsrc2=size=10000x10000", "-frames:v", "1", "-q:v", "8", original.path,
      ])
      // Twenty names for the same picture: each URL is fetched and decoded on its own.
      var photos = [original]
      for index in 1..<20 {
        let copy = media.appendingPathComponent("big-\(index).jpg")
        try FileManager.default.copyItem(at: original, to: copy)
        photos.append(copy)
      }
      return photos
    }
    let fixture = try await ServeFixture(dataDirectory: dataDirectory, mediaRoot: media)
    let server = try await fixture.startServer()
    defer { _ = server.stop() }

    let python = CLIRunner.repository.appendingPathComponent(".deps/pai-sdk/bin/python").path
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
      "Fixtures/pai_check.py"
    )
    let arguments = [script.path, server.baseURL, fixture.appID, fixture.token] + photos.map(\.absoluteString)
    let health = HealthProbe(port: server.port)
    let outcomes = try await withThrowingTaskGroup(of: String.self) { group in
      for _ in 0..<3 { group.addTask { try await runProcess(python, arguments) } }
      var outputs: [String] = []
      for try await output in group { outputs.append(output) }
      return outputs
    }
    let slowest = await health.stop()

    for output in outcomes {
      let outcome = try #require(
        try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any],
        "\(output)"
      )
      let status = outcome["status"] as? Int
      #expect(status == 200 || (status == 503 && outcome["code"] as? String == "SERVER_BUSY"), "\(outcome)")
      if status == 200 { #expect(outcome["results"] as? Int == 20, "\(outcome)") }
    }
    print("load shedding: slowest /healthz \(slowest.milliseconds) ms over \(slowest.probes) probes")
    #expect(slowest.probes > 0 && slowest.milliseconds < 1000, "slowest /healthz: \(slowest.milliseconds) ms")
    let peak = try #require(server.peakResidentKilobytes())
    print("load shedding: peak RSS \(peak / 1024) MiB")
    #expect(peak < 4096 * 1024, "peak RSS \(peak / 1024) MiB")
  }
}

/// Asks `/healthz` every 100 ms, on a new connection and a thread of its own, until stopped; the
/// slowest answer (a failed request counts as 10 s).
private final class HealthProbe: @unchecked Sendable {
  struct Slowest {
    var milliseconds = 0
    var probes = 0
  }

  private let lock = NSLock()
  private var slowest = Slowest()
  private var running = true
  private let finished = DispatchSemaphore(value: 0)

  init(port: Int) {
    Thread.detachNewThread { [self] in
      while lock.withLock({ running }) {
        let started = ContinuousClock.now
        let answer = try? RawConnection(port: port).exchange(
          "GET /healthz HTTP/1.1\r\nHost: loupe\r\nConnection: close\r\n\r\n",
          timeout: .seconds(10)
        )
        let elapsed = ContinuousClock.now - started
        let ok = answer?.contains("200 OK") ?? false
        let milliseconds = ok ? Int(elapsed / .milliseconds(1)) : 10_000
        lock.withLock {
          slowest.milliseconds = max(slowest.milliseconds, milliseconds)
          slowest.probes += 1
        }
        Thread.sleep(forTimeInterval: 0.1)
      }
      finished.signal()
    }
  }

  func stop() async -> Slowest {
    lock.withLock { running = false }
    await withCheckedContinuation { continuation in
      DispatchQueue.global().async { [finished] in
        finished.wait()
        continuation.resume()
      }
    }
    return lock.withLock { slowest }
  }
}
