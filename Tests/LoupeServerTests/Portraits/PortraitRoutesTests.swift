import Foundation
import LoupeServer
import LoupeStore
import LoupeTestSupport
import Testing

/// The portrait routes over real HTTP: a model belongs to the app that trained it, Go's way of
/// sending both `model_id` and `model_ids` works, and a server without the portrait engine says
/// the model service is not there.
@Suite(.offCooperativePool) struct PortraitRoutesTests {
  @Test func aModelBelongsToItsAppAndGoStyleRequestsWork() async throws {
    let analysis = try await ServerFixtures.liveAnalysis.value
    let portraits = try ServerFixtures.livePortraits.get()
    try await ImageServer.run(extra: try PortraitMedia.files.get()) { media in
      try await TestServer.run(analysis: analysis, portraits: portraits, configure: EdgeTests.allowLoopback) { server in
        let photos = (0..<6).map { #""\#(media)/person-\#($0).png""# }.joined(separator: ",")
        let trained = try await server.request(
          .POST,
          "/api/v1/aigc_images/train",
          body: #"{"action":"AIGCImageTrain","images":[\#(photos)]}"#
        )
        let modelID = try #require(trained.data?["model_id"] as? String, "\(trained.text)")
        let job = try await server.pollJob(try #require(trained.data?["job_id"] as? Int))
        #expect(job["state"] as? Int == 2, "\(job)")

        // Go sends both keys, the unused one empty.
        let goStyle = try await server.request(
          .POST,
          "/api/v1/aigc_images/create",
          body:
            #"{"action":"AIGCImageCreate","model_id":"","model_ids":["\#(modelID)"],"template_image":"\#(media)/template.png","model_name":"","configure":{}}"#
        )
        #expect(goStyle.status == 200 && goStyle.data?["model_id"] as? String == modelID, "\(goStyle.text.prefix(300))")
        let neither = try await server.request(
          .POST,
          "/api/v1/aigc_images/create",
          body: #"{"action":"AIGCImageCreate","model_id":"","model_ids":[],"template_image":"\#(media)/template.png"}"#
        )
        #expect(neither.status == 462 && neither.message == "Prompts get error. Please check the model_id.")

        let other = try await AppRepository(database: server.database).create(name: "other")
        let borrowed = try await server.request(
          .POST,
          "/api/v1/aigc_images/create",
          body: #"{"action":"AIGCImageCreate","model_id":"\#(modelID)","template_image":"\#(media)/template.png"}"#,
          appID: other.id,
          token: other.token
        )
        #expect(borrowed.status == 500 && borrowed.message?.hasPrefix("Face id image decord error") == true)
        let foreignJob = try await server.request(
          .POST,
          "/api/v1/async_jobs/\(job["id"] as? Int ?? 0)",
          body: "{}",
          appID: other.id,
          token: other.token
        )
        #expect(foreignJob.status == 404)
      }
    }
  }

  @Test func withoutThePortraitEngineTheModelIsNotFound() async throws {
    try await TestServer.run { server in
      for (path, action) in [("check", "AIGCImageCheck"), ("train", "AIGCImageTrain"), ("create", "AIGCImageCreate")] {
        let response = try await server.request(
          .POST,
          "/api/v1/aigc_images/\(path)",
          body: #"{"action":"\#(action)","images":["data:,x"]}"#
        )
        #expect(response.status == 404 && response.message == "model not found", "\(path): \(response.text)")
      }
    }
  }
}
