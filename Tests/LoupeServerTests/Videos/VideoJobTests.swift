import Foundation
import LoupeJobs
import LoupeServer
import LoupeServices
import LoupeStore
import LoupeTestSupport
import Testing

/// Video jobs over real HTTP against a real server: real downloads, real decoding, the durable
/// queue and its workers. `FixedVideoAnalysis` stands in for the models where the test is about
/// the job system and the wire format; the batch test runs the live models.
@Suite(.offCooperativePool) struct VideoJobTests {
  static let createTime = #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$"#

  @Test func aVideoJobRunsToSuccessAndIsVisibleOnlyToItsApp() async throws {
    let footage = try TestClips.footage().url
    try await TestServer.run(configure: VideoClipFixtures.allowLoopbackAndClips) { server in
      let submitted = try await server.request(
        .POST,
        "/api/v1/videos",
        body: #"{"action":"VideoQA","video_url":"\#(footage.absoluteString)"}"#
      )
      #expect(submitted.status == 200 && submitted.code == "OK", "\(submitted.text)")
      let id = try #require(submitted.data?["job_id"] as? Int)
      let job = try await server.pollJob(id)
      #expect(job["state"] as? Int == 2 && job["message"] as? String == "success", "\(job)")
      #expect(job["type"] as? String == "Video" && job["app_id"] as? String == server.app.id)
      #expect((job["create_time"] as? String)?.range(of: Self.createTime, options: .regularExpression) != nil)
      let result = try #require(try server.result(of: job))
      #expect(Set(result.keys) == ["avg_fps", "duration", "height", "single_img", "video_score", "width"])
      #expect(result["avg_fps"] as? Int == 25 && result["width"] as? Int == 320 && result["height"] as? Int == 240)
      #expect(abs((result["duration"] as? Double ?? 0) - 9.6) < 0.05)

      let other = try await AppRepository(database: server.database).create(name: "other")
      let hidden = try await server.request(
        .POST,
        "/api/v1/async_jobs/\(id)",
        body: "{}",
        appID: other.id,
        token: other.token
      )
      #expect(hidden.status == 404 && hidden.message == "job not found")
      let unknown = try await server.request(.POST, "/api/v1/async_jobs/987654", body: "")
      #expect(unknown.status == 404 && unknown.code == "PARAMETER_ERROR")
      let malformed = try await server.request(.POST, "/api/v1/async_jobs/abc", body: "{}")
      #expect(malformed.status == 400)
    }
  }

  @Test func aBatchListsItsJobsWithTheirObjects() async throws {
    let footage = try TestClips.footage().url.absoluteString
    let slideshow = try TestClips.slideshow().url.absoluteString
    try await TestServer.run(configure: VideoClipFixtures.allowLoopbackAndClips) { server in
      let body = """
        {"action":"ClassifyLabelVideo","model_name":"","configure":{"tag_top_k":2,"output_embedding":false},
         "videos":[{"url":"\(footage)","title":"one"},{"url":"\(slideshow)","title":"two"}]}
        """
      let submitted = try await server.request(.POST, "/api/v1/batch_videos", body: body)
      let batchID = try #require(submitted.data?["batch_id"] as? Int, "\(submitted.text)")
      let jobs = try await server.pollBatch(batchID)
      #expect(jobs.map { $0["object"] as? String } == [footage, slideshow])
      for job in jobs {
        #expect(job["state"] as? Int == 2 && job["batch_id"] as? Int == batchID, "\(job)")
        let result = try #require(try server.result(of: job))
        #expect(result["embedding_result"] == nil && (result["tag_result"] as? [Any])?.count == 2, "tag_top_k: 2")
        #expect((result["classification_result"] as? [[String: Any]])?.first?["class"] as? String == "生活")
      }
      let other = try await AppRepository(database: server.database).create(name: "other")
      let hidden = try await server.request(.GET, "/api/v1/batch_jobs/\(batchID)", appID: other.id, token: other.token)
      #expect(hidden.status == 404 && hidden.message == "batch not found")
    }
  }

  @Test func embeddedAndSidecarSubtitlesReachTheClassifier() async throws {
    let sidecarFolder = VideoClipFixtures.folder.appendingPathComponent("sidecar-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: sidecarFolder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: sidecarFolder) }
    let withSidecar = sidecarFolder.appendingPathComponent("cooking.mp4")
    try FileManager.default.copyItem(at: try TestClips.footage().url, to: withSidecar)
    try Data("1\n00:00:01,000 --> 00:00:02,000\n今天教大家做红烧肉\n".utf8)
      .write(to: sidecarFolder.appendingPathComponent("cooking.zh.srt"))
    let embedded = try TestClips.subtitledMatroska().url
    try await TestServer.run(configure: VideoClipFixtures.allowLoopbackAndClips) { server in
      for (url, expected) in [(embedded, "你好，世界！\nHello, world!"), (withSidecar, "今天教大家做红烧肉")] {
        let body =
          #"{"action":"ClassifyLabelVideo","video_url":"\#(url.absoluteString)","video_title":"标题","configure":{"tag_top_k":10}}"#
        let submitted = try await server.request(.POST, "/api/v1/videos", body: body)
        let job = try await server.pollJob(try #require(submitted.data?["job_id"] as? Int, "\(submitted.text)"))
        let tags = try #require(try server.result(of: job)?["tag_result"] as? [[String: Any]], "\(job)")
        let texts = Dictionary(
          uniqueKeysWithValues: tags.map { ($0["tag"] as? String ?? "", $0["score"] as? Double ?? 0) }
        )
        #expect(texts["标题"] == 1, "\(tags)")
        #expect(texts.first { $0.key.hasPrefix(expected) }?.value == 0.5, "subtitles at half weight: \(tags)")
        #expect(texts["有字幕"] == 1, "authored subtitles: \(tags)")
      }
    }
  }

  /// Text alone, as the Go and Java SDKs send it (the Python SDK 1.1.5 drops `text`).
  @Test func aMultimodalPostOfTextAloneIsClassifiedOnTheLiveModels() async throws {
    let analysis = try await ServerFixtures.liveAnalysis.value
    let video = try await LiveVideoAnalysis.load(sharing: analysis)
    try await TestServer.run(analysis: analysis, videoAnalysis: video) { server in
      let submitted = try await server.request(
        .POST,
        "/api/v1/videos",
        body:
          #"{"action":"MultiModalClassify","model_name":"","video_url":"","images":[],"text":"NBA总决赛篮球比赛精彩集锦","configure":{"classification_top_k":3}}"#
      )
      let id = try #require(submitted.data?["job_id"] as? Int, "\(submitted.text)")
      let job = try await server.pollJob(id)
      let result = try #require(try server.result(of: job), "\(job)")
      let classes = try #require(result["classification_result"] as? [[String: Any]])
      #expect(classes.count == 3 && classes.first?["class"] as? String == "体育", "\(classes)")
      #expect((result["tag_result"] as? [Any])?.isEmpty == true && result["video_width"] == nil)
      #expect((result["embedding_result"] as? String)?.split(separator: ",").count == 512)
    }
  }

  @Test func badRequestsAreRefusedBeforeAnythingIsStored() async throws {
    try await TestServer.run { server in
      let cases: [(String, String, Int, String)] = [
        ("/api/v1/videos", #"{"action":"VideoQA"}"#, 400, "video_url is required"),
        ("/api/v1/videos", #"{"action":"VideoQA","video_url":"ftp://x/v.mp4"}"#, 400, "unsupported URL scheme"),
        ("/api/v1/videos", #"{"action":"Nope","video_url":"https://x/v.mp4"}"#, 404, "model not found"),
        (
          "/api/v1/videos",
          #"{"action":"ClassifyLabelVideo","video_url":"https://x/v.mp4","configure":{"tag_top_k":0}}"#,
          400, "configure.tag_top_k"
        ),
        ("/api/v1/batch_videos", #"{"action":"VideoQA","videos":[]}"#, 400, "videos must hold"),
        ("/api/v1/batch_videos", #"{"action":"VideoQA","videos":[{"url":"x"}]}"#, 400, "videos[0].url"),
        (
          "/api/v1/batch_videos", #"{"action":"MultiModalClassify","videos":[{"url":"https://x"}]}"#, 404,
          "model not found"
        ),
        ("/api/v1/videos", #"{"action":"VideoQA","video_url":5}"#, 400, "video_url has the wrong type"),
      ]
      for (path, body, status, message) in cases {
        let response = try await server.request(.POST, path, body: body)
        #expect(response.status == status && response.message?.contains(message) == true, "\(body): \(response.text)")
      }
      let stored = try await (try SQLiteJobQueue(database: server.database)).recent(limit: 10)
      #expect(stored.isEmpty)
    }
  }

  /// The acceptance batch: twenty videos, good, broken and unreachable, through every input
  /// path, on the live models. Every job must end, succeeded or failed with a reason.
  @Test func aBatchOfTwentyMixedVideosAllEndWithAReason() async throws {
    let analysis = try await ServerFixtures.liveAnalysis.value
    let video = try await LiveVideoAnalysis.load(sharing: analysis)
    let footage = try TestClips.footage().url
    let long = try TestClips.testPattern(seconds: 40, width: 320, height: 240).url
    try await ImageServer.run(extra: try VideoClipFixtures.served()) { web in
      try await TestServer.run(
        analysis: analysis,
        videoAnalysis: video,
        configure: { configuration in
          VideoClipFixtures.allowLoopbackAndClips(&configuration)
          configuration.videos.maxDuration = 30
          configuration.jobs.workers = 2
        }
      ) { server in
        let upload = try await server.request(.POST, "/v1/blobs", bytes: Array(try Data(contentsOf: footage)))
        let blob = try #require(upload.data?["url"] as? String, "\(upload.text)")
        let inline =
          "data:video/mp4;base64," + (try Data(contentsOf: try TestClips.slideshow().url)).base64EncodedString()
        let broken = VideoClipFixtures.broken
        let entries: [(url: String, expect: String)] = [
          (web + "/footage.mp4", "ok"), (web + "/slideshow.mp4", "ok"), (footage.absoluteString, "ok"),
          (try TestClips.slideshow().url.absoluteString, "ok"), (try TestClips.blackSegment().url.absoluteString, "ok"),
          (try TestClips.subtitledMatroska().url.absoluteString, "ok"), (blob, "ok"), (inline, "ok"),
          (web + "/redirect?to=/footage.mp4", "ok"),
          (web + "/random.mp4", "load video failed"), (web + "/truncated.mp4", "load video failed"),
          (web + "/photo.mp4", "load video failed"), (broken["random.mp4"]!.absoluteString, "load video failed"),
          (long.absoluteString, "load video failed"),
          (web + "/missing.mp4", "fetch resource failed\tcode = 404"),
          ("http://127.0.0.1:1/a.mp4", "failed to download video"),
          ("http://127.0.0.1:1/b.mp4", "failed to download video"),
          ("http://169.254.169.254/latest/v.mp4", "failed to download video"),
          ("file:///etc/hostname", "not under a configured media root"),
          (web + "/not-an-image.png", "load video failed"),
        ]
        #expect(entries.count == 20)
        let videos = entries.map { #"{"url":"\#($0.url)","title":""}"# }.joined(separator: ",")
        let submitted = try await server.request(
          .POST,
          "/api/v1/batch_videos",
          body: #"{"action":"VideoQA","videos":[\#(videos)]}"#
        )
        let batchID = try #require(submitted.data?["batch_id"] as? Int, "\(submitted.text)")
        let jobs = try await server.pollBatch(batchID, timeout: .seconds(600))
        #expect(jobs.count == 20)
        let queue = try SQLiteJobQueue(database: server.database)
        for (job, entry) in zip(jobs, entries) {
          let state = job["state"] as? Int
          let message = job["message"] as? String ?? ""
          if entry.expect == "ok" {
            #expect(state == 2, "\(entry.url.prefix(80)): \(message)")
            let score = try server.result(of: job)?["video_score"] as? Double ?? -1
            #expect((0...100).contains(score))
          } else {
            #expect(state == 3 && message.contains(entry.expect), "\(entry.url.prefix(80)): \(message)")
            #expect((job["Result"] as? String)?.isEmpty == true)
          }
          if entry.url.hasPrefix("http://127.0.0.1:1/") {
            let stored = try #require(try await queue.job(id: Int64(job["id"] as? Int ?? 0)))
            #expect(stored.attempts == 3, "a refused connection is retried up to the limit")
          }
        }
      }
    }
  }
}

extension TestServer {
  /// Polls `async_jobs/{id}` until the job is finished; returns the job object. The timeout
  /// bounds progress, not speed: beside the whole suite on 2 cores a debug build's OCR job has
  /// needed close to 300 s (`BurnedInSubtitleJobTests` timed out once at that bound).
  func pollJob(_ id: Int, timeout: Duration = .seconds(900)) async throws -> [String: Any] {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
      let response = try await request(.POST, "/api/v1/async_jobs/\(id)", body: "{}")
      let job = try #require(response.data?["job"] as? [String: Any], "\(response.text)")
      if let state = job["state"] as? Int, state >= 2 { return job }
      try await Task.sleep(for: .milliseconds(100))
    }
    throw CancellationError()
  }

  /// Polls `batch_jobs/{id}` until every job is finished; returns the jobs.
  func pollBatch(_ id: Int, timeout: Duration = .seconds(900)) async throws -> [[String: Any]] {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
      let response = try await request(.GET, "/api/v1/batch_jobs/\(id)")
      let jobs = try #require(response.data?["jobs"] as? [[String: Any]], "\(response.text)")
      if jobs.allSatisfy({ ($0["state"] as? Int ?? 0) >= 2 }) { return jobs }
      try await Task.sleep(for: .milliseconds(200))
    }
    throw CancellationError()
  }

  /// The job's `Result`, parsed from its JSON string; `nil` while it is empty.
  func result(of job: [String: Any]) throws -> [String: Any]? {
    guard let text = job["Result"] as? String, !text.isEmpty else { return nil }
    return try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
  }
}
