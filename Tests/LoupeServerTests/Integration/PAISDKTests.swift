import Foundation
import LoupeRuntime
import LoupeServer
import LoupeServices
import LoupeTestSupport
import Testing

/// The official PAI Python SDK (ai-service-python-sdk==1.1.5, installed by scripts/setup into
/// .deps/pai-sdk) against a real server with the real models.
@Suite(.offCooperativePool) struct PAISDKTests {
  @Test func officialPythonSDKWorksUnchanged() async throws {
    let analysis = try await ServerFixtures.liveAnalysis.value
    let dependencies = InstalledDependencies.directory
    let python = dependencies.root.appendingPathComponent("pai-sdk/bin/python").path
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/pai_sdk_client.py").path
    try await ImageServer.run { images in
      try await TestServer.run(.live, analysis: analysis, configure: EdgeTests.allowLoopback) { server in
        let output = try await runProcess(python, [script, server.baseURL, server.app.id, server.app.token, images])
        let results = try #require(
          try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: [String: Any]]
        )
        func status(_ name: String) -> Int? { results[name]?["status"] as? Int }
        func data(_ name: String) -> [String: Any] { results[name]?["data"] as? [String: Any] ?? [:] }

        for name in ["image_qa", "face_attr_image", "fairface", "multi_label_image_v2", "tagger", "after_errors"] {
          #expect(status(name) == 200 && results[name]?["code"] as? String == "OK", "\(name): \(results[name] ?? [:])")
        }
        let quality = try #require(data("image_qa")["iqa_result"] as? Double)
        #expect((0...100).contains(quality))
        #expect(data("image_qa")["image_width"] as? Int == 451)

        let faces = try #require(data("face_attr_image")["attr"] as? [[String: Any]])
        #expect(faces.count == 1)
        #expect(faces.first?["gender"] as? String == "female")
        #expect((faces.first?["bbox"] as? [Int])?.count == 4)
        let shapes = try #require(faces.first?["FaceShape"] as? [String: Double])
        #expect(abs(shapes.values.reduce(0, +) - 1) < 0.01 && shapes.count == 7)
        #expect(data("fairface")["age_range"] is String && data("fairface")["age_raneg_prob"] is Double)

        let tags = try #require(data("multi_label_image_v2")["tag_result"] as? [[String: Any]])
        let scores = tags.compactMap { $0["score"] as? Double }
        #expect(tags.count == 5 && scores == scores.sorted(by: >))
        #expect(tags.contains { ["浓咖啡", "咖啡杯", "杯子"].contains($0["tag"] as? String) }, "\(tags)")
        let embedding = try #require(data("multi_label_image_v2")["embedding_result"] as? String)
        #expect(embedding.split(separator: ",").compactMap { Float($0) }.count == 512)
        #expect((data("multi_label_default_configure")["tag_result"] as? [Any])?.count == 10)
        let caption = try #require(data("tagger")["caption"] as? String)
        #expect(caption.contains("杯子") || caption.contains("浓咖啡"), "\(caption)")
        #expect((data("tagger")["probs"] as? [Double])?.count == 1090)

        let expectedErrors: [(String, Int, String)] = [
          ("bad_signature", 401, "sign error"), ("unknown_app", 400, "not found appid"),
          ("unknown_action", 404, "model not found"), ("unknown_model", 404, "model not found"),
          ("bad_configure", 400, "configure.tag_top_k"), ("undecodable_image", 462, "decode"),
          ("missing_image", 462, "404"), ("private_address", 400, "169.254.169.254"),
          ("oversize_body", 413, "request body exceeds"),
        ]
        for (name, expectedStatus, mention) in expectedErrors {
          #expect(status(name) == expectedStatus, "\(name): \(results[name] ?? [:])")
          #expect((results[name]?["message"] as? String)?.contains(mention) == true, "\(name): \(results[name] ?? [:])")
          #expect(results[name]?["request_id"] is String, "\(name)")
        }
      }
    }
  }
}
