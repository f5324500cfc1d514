import Foundation
import LoupeTestSupport
import Testing

/// A library video with speech and no subtitle stream: its ingest transcribes the audio, and the
/// spoken words become the clips' subtitles, found by subtitle search.
@Suite(.offCooperativePool) struct SpokenDialogueTests {
  @Test func aSpokenPhraseFindsItsClipThroughSubtitleSearch() async throws {
    let analysis = try await ServerFixtures.liveAnalysis.value
    let clips = try await ServerFixtures.liveClips.value
    let speech = try await ServerFixtures.liveSpeech.value
    let video = TestClips.scratchURL("slideshow-beckett.mp4")
    try TestClips.ffmpeg([
      "-i", try TestClips.slideshow().url.path, "-i", TestSpeech.beckett.path, "-map", "0:v", "-map", "1:a", "-c:v",
      "copy",
      "-c:a", "aac", video.path,
    ])
    try await TestServer.run(analysis: analysis, clips: clips, speech: speech) { server in
      let (key, project) = try await server.key()
      let (path, s3Key) = try await LibraryUploadTests.mint(server, key: key, project: project.id)
      _ = try await server.send(
        .PUT,
        path,
        bytes: Array(try Data(contentsOf: video)),
        headers: [("Content-Type", "video/mp4")]
      )
      let registered = try await server.keyed(
        .POST,
        "/v0/videos",
        key: key,
        body: #"{"project_id": "\#(project.id)", "name": "beckett", "s3_key": "\#(s3Key)"}"#
      )
      let id = try #require(registered.json["id"] as? String, "\(registered.text)")
      // Alone this ingest takes seconds; beside the rest of the suite on two cores, a beam search
      // over the speech has taken over ten minutes, so the wait is bounded by time, generously.
      var status = ""
      let deadline = ContinuousClock.now + .seconds(1_800)
      while !["completed", "failed"].contains(status), ContinuousClock.now < deadline {
        status = try await server.keyed(.GET, "/v0/videos/\(id)", key: key).json["processing_status"] as? String ?? ""
        try await Task.sleep(for: .milliseconds(500))
      }
      #expect(status == "completed")
      let found = try await server.keyed(
        .POST,
        "/v0/search/clips",
        key: key,
        body: #"{"project_id": "\#(project.id)", "query": "fail better", "search_mode": "subtitle"}"#
      )
      let hits = try #require(found.json["clips"] as? [[String: Any]], "\(found.text)")
      #expect(!hits.isEmpty, "\(found.text)")
      #expect(hits.allSatisfy { ($0["subtitle"] as? String ?? "").lowercased().contains("better") }, "\(hits)")
      // Spoken near the end of the 10 s reading: the clip is one of the last shots.
      #expect((hits.first?["start_time"] as? Double ?? 0) >= 4, "\(hits)")
    }
  }
}
