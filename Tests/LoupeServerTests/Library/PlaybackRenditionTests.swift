import Foundation
import LoupeMedia
import LoupeTestSupport
import Testing

/// A video a browser cannot play (MPEG-4 Part 2 in AVI) gets an H.264 playback rendition from
/// its ingest; the original stays available as `original`.
@Suite(.offCooperativePool) struct PlaybackRenditionTests {
  @Test func anAVIIsServedAsH264ForPlayback() async throws {
    let analysis = try await ServerFixtures.liveAnalysis.value
    let clips = try await ServerFixtures.liveClips.value
    let avi = TestClips.scratchURL("slideshow-mpeg4.avi")
    try TestClips.ffmpeg(["-i", try TestClips.slideshow().url.path, "-c:v", "mpeg4", "-q:v", "5", avi.path])
    try await TestServer.run(analysis: analysis, clips: clips) { server in
      let (key, project) = try await server.key()
      let (path, s3Key) = try await LibraryUploadTests.mint(
        server,
        key: key,
        project: project.id,
        type: "video/x-msvideo"
      )
      let put = try await server.send(
        .PUT,
        path,
        bytes: Array(try Data(contentsOf: avi)),
        headers: [("Content-Type", "video/x-msvideo")]
      )
      #expect(put.status == 200)
      let registered = try await server.keyed(
        .POST,
        "/v0/videos",
        key: key,
        body: #"{"project_id": "\#(project.id)", "name": "avi", "s3_key": "\#(s3Key)"}"#
      )
      let id = try #require(registered.json["id"] as? String, "\(registered.text)")
      var status = ""
      for _ in 0..<600 where !["completed", "failed"].contains(status) {
        status = try await server.keyed(.GET, "/v0/videos/\(id)", key: key).json["processing_status"] as? String ?? ""
        try await Task.sleep(for: .milliseconds(200))
      }
      #expect(status == "completed")

      let playback = try await server.keyed(.GET, "/v0/videos/\(id)/media?rendition=playback", key: key)
      #expect(
        playback.json["transcoded"] as? Bool == true && playback.json["preview_status"] as? String == "ready",
        "\(playback.text)"
      )
      let url = try #require(URL(string: playback.json["url"] as? String ?? ""))
      let file = try await server.send(.GET, url.path)
      #expect(file.status == 200 && file.header("Content-Type") == "video/mp4")
      let rendition = server.database.directory.appendingPathComponent("library/playback/\(id).mp4")
      #expect(try VideoInfo(contentsOf: rendition).codecName == "h264")
      let original = try await server.keyed(.GET, "/v0/videos/\(id)/media?rendition=original", key: key)
      #expect(
        original.json["transcoded"] as? Bool == false
          && (original.json["url"] as? String)?.contains("/files/video/") == true
      )
    }
  }
}
