import AsyncHTTPClient
import Foundation
import LoupeMedia
import LoupeStore
import LoupeTestSupport
import Testing

@testable import LoupeServices

/// Subtitle files beside a video are inputs too: read only under a media root, as regular files,
/// within `SubtitleSidecar.maxBytes`.
@Suite(.offCooperativePool) struct SidecarTests {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-sidecars-\(UUID().uuidString)")

  @Test func onlySidecarsThatPassTheVideosChecksAreRead() async throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let root = folder.appendingPathComponent("media")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    let video = root.appendingPathComponent("clip.mp4")
    try Data("not decoded here".utf8).write(to: video)
    let manager = FileManager.default
    // A device, a file outside the roots, and one past the size limit, each named like a sidecar.
    try manager.createSymbolicLink(
      at: root.appendingPathComponent("clip.srt"),
      withDestinationURL: URL(fileURLWithPath: "/dev/zero")
    )
    try Data("1\n00:00:01,000 --> 00:00:02,000\nsecret\n".utf8).write(to: folder.appendingPathComponent("outside.srt"))
    try manager.createSymbolicLink(
      at: root.appendingPathComponent("clip.en.srt"),
      withDestinationURL: folder.appendingPathComponent("outside.srt")
    )
    try Data(count: SubtitleSidecar.maxBytes + 1).write(to: root.appendingPathComponent("clip.ja.srt"))
    try Data("1\n00:00:01,000 --> 00:00:02,000\n你好\n".utf8).write(to: root.appendingPathComponent("clip.zh.srt"))

    let database = try LoupeDatabase(directory: folder.appendingPathComponent("data"))
    let loader = MediaFileLoader.live(
      fetcher: RemoteFetcher(client: HTTPClient.shared, policy: FetchPolicy()),
      blobs: try BlobStore(database: database),
      mediaRoots: [root.resolvingSymlinksInPath()],
      scratch: try ScratchFolder(dataDirectory: database.directory)
    )
    let media = try await loader.load(.file(video), "app", 1 << 20, .seconds(5))
    #expect(media.sidecars.map(\.url.lastPathComponent) == ["clip.zh.srt"])
    #expect(try media.sidecars.first?.cues().map(\.text) == ["你好"])
  }
}
