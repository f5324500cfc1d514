import Foundation
import LoupeMedia
import LoupeTestSupport
import Testing

@testable import loupe

/// The scan's memory does not grow with the number of shots: a video that cuts every 10 frames
/// (the detector's minimum shot length) keeps only a bounded set of pictures.
@Suite(.offCooperativePool) struct VideoMemoryTests {
  let dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-cuts-\(UUID().uuidString)")

  /// Four minutes of 720p with 600 shots: before the shot frames were bounded, every shot kept a
  /// 1280-pixel middle frame and the server peaked at 2.9 GB.
  @Test func videoQAOnAManyCutsVideoStaysUnderOneAndAHalfGigabytes() async throws {
    defer { try? FileManager.default.removeItem(at: dataDirectory) }
    // A minute or more of encoding: off the cooperative pool, which the rest of the suite needs.
    let clip = try await offCooperativePool { try TestClips.manyCuts(seconds: 240, width: 1280, height: 720) }
    let fixture = try await ServeFixture(dataDirectory: dataDirectory, mediaRoot: clip.url.deletingLastPathComponent())
    let server = try await fixture.startServer()
    defer { _ = server.stop() }

    let jobID = try await fixture.submit(clip.url, to: server.baseURL, action: "VideoQA")
    let finished = try await fixture.wait(for: jobID, at: server.baseURL, state: 2, prefix: "success")
    #expect(finished["state"] as? Int == 2, "\(finished)")
    let result = try #require(finished["Result"] as? String)
    let parsed = try #require(try JSONSerialization.jsonObject(with: Data(result.utf8)) as? [String: Any])
    #expect(parsed["width"] as? Int == 1280 && parsed["video_score"] is Double, "\(parsed)")

    let peak = try #require(server.peakResidentKilobytes())
    print("many-cuts VideoQA: peak RSS \(peak / 1024) MiB")
    #expect(peak < 1536 * 1024, "peak RSS \(peak / 1024) MiB")
  }
}
