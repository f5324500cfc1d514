import Foundation
import LoupeRuntime
import LoupeServer
import LoupeServices
import LoupeTestSupport
import Testing

/// The seed's video calls through the official PAI Python SDK (ai-service-python-sdk==1.1.5),
/// single and batch, each job polled until it ends, against a real server on the live models.
@Suite(.offCooperativePool) struct PAISDKVideoTests {
  @Test func officialPythonSDKRunsVideoJobsToTheEnd() async throws {
    let analysis = try await ServerFixtures.liveAnalysis.value
    let video = try await LiveVideoAnalysis.load(sharing: analysis)
    let dependencies = InstalledDependencies.directory
    let python = dependencies.root.appendingPathComponent("pai-sdk/bin/python").path
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/pai_sdk_videos.py").path
    try await ImageServer.run(extra: try VideoClipFixtures.served()) { media in
      try await TestServer.run(.live, analysis: analysis, videoAnalysis: video, configure: EdgeTests.allowLoopback) {
        server in
        let output = try await runProcess(python, [script, server.baseURL, server.app.id, server.app.token, media])
        let results = try #require(
          try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: [String: Any]]
        )
        func job(_ name: String) -> [String: Any] { results[name]?["job"] as? [String: Any] ?? [:] }
        func result(_ job: [String: Any]) -> [String: Any] {
          guard let text = job["Result"] as? String else { return [:] }
          return (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
        }

        for name in ["video_qa", "classify_label_video", "multimodal_classify", "multimodal_images_only"] {
          #expect(results[name]?["code"] as? String == "OK", "\(name): \(results[name] ?? [:])")
          #expect(job(name)["state"] as? Int == 2 && job(name)["message"] as? String == "success", "\(name)")
          #expect(job(name)["type"] as? String == "Video")
        }
        let quality = result(job("video_qa"))
        #expect((0...100).contains(quality["video_score"] as? Double ?? -1), "\(quality)")
        #expect((0...1).contains(quality["single_img"] as? Double ?? -1) && quality["avg_fps"] as? Int == 25)

        let classified = result(job("classify_label_video"))
        let classes = try #require(classified["classification_result"] as? [[String: Any]])
        #expect(classes.count == 1 && classes[0]["class"] is String && classes[0]["score"] is Double)
        let tags = try #require(classified["tag_result"] as? [[String: Any]])
        #expect(tags.count == 5, "\(tags)")
        let embedding = try #require(classified["embedding_result"] as? String)
        #expect(embedding.split(separator: ",").compactMap { Float($0) }.count == 512)
        #expect(classified["video_width"] as? Int == 320 && classified["video_height"] as? Int == 240)
        #expect(classified["duration"] is Double)

        let multimodal = result(job("multimodal_classify"))
        let multimodalTags = (multimodal["tag_result"] as? [[String: Any]] ?? []).compactMap { $0["tag"] as? String }
        #expect(
          multimodalTags.contains { ["浓咖啡", "咖啡杯", "杯子", "虎斑猫", "猫", "埃及猫", "虎猫"].contains($0) },
          "\(multimodalTags)"
        )
        let imagesOnly = result(job("multimodal_images_only"))
        #expect((imagesOnly["classification_result"] as? [[String: Any]])?.first?["class"] as? String == "美食")
        #expect(imagesOnly["video_width"] == nil && imagesOnly["duration"] == nil)
        #expect(results["multimodal_text_only"]?["status"] as? Int == 400)
        #expect(
          results["multimodal_text_only"]?["message"] as? String
            == "MultiModalClassify needs a video_url, images or text"
        )

        for name in ["batch_video_qa", "batch_classify_label_video"] {
          let jobs = try #require(results[name]?["jobs"] as? [[String: Any]], "\(name): \(results[name] ?? [:])")
          #expect(jobs.count == 2 && jobs.allSatisfy { $0["state"] as? Int == 2 }, "\(name): \(jobs)")
          #expect(jobs.map { ($0["object"] as? String)?.hasSuffix(".mp4") == true } == [true, true])
          #expect(
            jobs.allSatisfy {
              $0["batch_id"] as? Int == (results[name]?["data"] as? [String: Any])?["batch_id"] as? Int
            }
          )
        }
        let batchScores = (results["batch_video_qa"]?["jobs"] as? [[String: Any]] ?? []).map { result($0) }
        let footageMotion = batchScores.first?["single_img"] as? Double ?? 0
        let slideshowMotion = batchScores.last?["single_img"] as? Double ?? 1
        #expect(slideshowMotion < footageMotion, "single_img: slideshow \(slideshowMotion), footage \(footageMotion)")

        #expect(job("missing_video")["state"] as? Int == 3)
        #expect(
          job("missing_video")["message"] as? String
            == "failed to download video, err=fetch resource failed\tcode = 404"
        )
        #expect(job("corrupt_video")["state"] as? Int == 3)
        #expect(
          (job("corrupt_video")["message"] as? String)?.hasPrefix(
            "Invalid Input - video data error - load video failed"
          ) == true
        )

        let expectedErrors: [(String, Int, String)] = [
          ("unknown_action", 404, "model not found"), ("bad_configure", 400, "configure.classification_top_k"),
          ("unknown_job", 404, "job not found"), ("unknown_batch", 404, "batch not found"),
        ]
        for (name, status, mention) in expectedErrors {
          #expect(results[name]?["status"] as? Int == status, "\(name): \(results[name] ?? [:])")
          #expect((results[name]?["message"] as? String)?.contains(mention) == true, "\(name): \(results[name] ?? [:])")
        }
      }
    }
  }
}
