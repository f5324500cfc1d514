import Foundation
import LoupeRuntime
import LoupeServices
import LoupeTestSupport
import LoupeVision
import Testing

/// `ClassifyLabelVideo` on a video whose subtitles are burned into the picture: OCR reads them
/// during the scan, they become the subtitle text evidence and earn the 有字幕 tag.
@Suite(.offCooperativePool) struct BurnedInSubtitleJobTests {
  @Test func burnedInSubtitlesAreTextEvidenceAndTagged() async throws {
    let ocr = try TextReader.live(
      dependencies: InstalledDependencies.directory,
      inference: InferenceOptions(precision: .f32, threads: 2),
      checksOrientation: false
    )
    let clips = [(try TestClips.burnedInSubtitles().url, true), (try TestClips.footage().url, false)]
    try await TestServer.run(
      videoAnalysis: FixedVideoAnalysis(ocr: ocr),
      configure: VideoClipFixtures.allowLoopbackAndClips
    ) { server in
      for (url, subtitled) in clips {
        let body = #"{"action":"ClassifyLabelVideo","video_url":"\#(url.absoluteString)","configure":{"tag_top_k":10}}"#
        let submitted = try await server.request(.POST, "/api/v1/videos", body: body)
        let job = try await server.pollJob(try #require(submitted.data?["job_id"] as? Int, "\(submitted.text)"))
        let tags = try #require(try server.result(of: job)?["tag_result"] as? [[String: Any]], "\(job)")
        let names = tags.compactMap { $0["tag"] as? String }
        #expect(names.contains("有字幕") == subtitled, "\(names)")
        // FixedVideoAnalysis names a tag after each text: the subtitles, one line per event.
        let dialogue = names.first { $0.hasPrefix("ありがとう") }
        #expect(
          (dialogue?.components(separatedBy: "\n") ?? []) == (subtitled ? TestClips.burnedInCues.map(\.text) : []),
          "\(names)"
        )
      }
    }
  }
}
