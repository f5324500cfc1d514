import Foundation
import LoupeAnalysis
import LoupeMedia
import LoupeRuntime
import LoupeServer
import LoupeServices
import LoupeTestSupport
import Testing

/// The seed's AI-portrait flow and PAI's error cases through the official Python SDK
/// (ai-service-python-sdk==1.1.5) against a real server on the live models, images served from
/// loopback: check → train → poll to state 2 → single create → multi create.
@Suite(.offCooperativePool) struct PAISDKPortraitTests {
  @Test func officialPythonSDKTrainsAndCreatesPortraits() async throws {
    let analysis = try await ServerFixtures.liveAnalysis.value
    let portraits = try ServerFixtures.livePortraits.get()
    let dependencies = InstalledDependencies.directory
    let python = dependencies.root.appendingPathComponent("pai-sdk/bin/python").path
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/pai_sdk_portraits.py").path
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-portrait-out-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: out) }
    try await ImageServer.run(extra: try PortraitMedia.files.get()) { media in
      try await TestServer.run(.live, analysis: analysis, portraits: portraits, configure: EdgeTests.allowLoopback) {
        server in
        let output = try await runProcess(
          python,
          [script, server.baseURL, server.app.id, server.app.token, media, out.path]
        )
        let results = try #require(
          try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: [String: Any]]
        )
        func data(_ name: String) -> [String: Any] { results[name]?["data"] as? [String: Any] ?? [:] }
        func status(_ name: String) -> Int? { results[name]?["status"] as? Int }

        // Check: one person's photos pass; a mixed set gets PAI's codes.
        let checks = try #require(data("check")["check_results"] as? [[String: Any]], "\(results["check"] ?? [:])")
        #expect(checks.map { $0["code"] as? Int } == Array(repeating: 1, count: 6))
        #expect(checks.allSatisfy { $0["message"] as? String == "success" && $0["frontal"] is Bool })
        #expect(data("check")["request_id"] is String && data("check")["cost_time"] is Double)
        let mixed = try #require(data("check_mixed")["check_results"] as? [[String: Any]])
        #expect(mixed.map { $0["code"] as? Int } == [1, 1, 1, 6, 3, 2, 2], "\(mixed)")
        #expect(mixed[3]["message"] as? String == "This photo is not the same person in photos")
        #expect(mixed[4]["message"] as? String == "Number of face is not 1")
        #expect(mixed[5]["message"] as? String == "Image decode error")

        // Train: a job that ends in state 2 with PAI's Result.
        for name in ["train", "train_second"] {
          let job = try #require(results[name]?["job"] as? [String: Any], "\(results[name] ?? [:])")
          #expect(job["state"] as? Int == 2 && job["type"] as? String == "Image", "\(job)")
          let result = try #require(
            try JSONSerialization.jsonObject(with: Data((job["Result"] as? String ?? "").utf8)) as? [String: Any]
          )
          #expect(result["model_id"] as? String == results[name]?["model_id"] as? String)
          #expect((result["states"] as? [[String: Any]])?.count == 6 && result["cost_time"] is Double)
        }
        #expect((results["train"]?["model_id"] as? String)?.count == 36)

        // Create: real JPEGs written by the SDK script, scored against the trained person.
        let single = try #require(results["create"]?["written"] as? [String: Any], "\(results["create"] ?? [:])")
        #expect(single["width"] as? Int == 512 && single["height"] as? Int == 512)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("single_out.jpg").path))
        let score = try #require(data("create")["display_score"] as? Double)
        #expect(score >= 0.45, "display_score \(score)")
        #expect(data("create")["model_id"] as? String == results["train"]?["model_id"] as? String)
        #expect(data("create_default")["display_score"] == nil && results["create_default"]?["written"] != nil)
        let multi = try #require(
          results["create_multi"]?["written"] as? [String: Any],
          "\(results["create_multi"] ?? [:])"
        )
        #expect(multi["height"] as? Int == 512)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("multi_out.jpg").path))
        let scores = try #require(data("create_multi")["display_scores"] as? [Double])
        #expect(scores.count == 2 && scores.allSatisfy { $0 >= 0.3 }, "\(scores)")

        // PAI's errors.
        let expected: [(String, Int, String)] = [
          ("train_no_images", 462, "Image not provided"), ("train_too_many", 462, "Invalid input data"),
          ("create_unknown_model", 500, "Face id image decord error. Pleace check the user's lora is trained or not."),
          ("create_untrained_model", 500, "Face id image decord error"),
          ("create_bad_model_id", 462, "Prompts get error. Please check the model_id."),
          ("create_template_undecodable", 462, "Template image decord error. Please Give a new template."),
          ("create_template_missing", 462, "Template image decord error"),
          ("create_no_face", 462, "There is not face in template. Please Give a new template."),
          (
            "create_count_mismatch", 469,
            "Please confirm if the number of faces in the template corresponds to the user ID."
          ),
          (
            "create_one_id_two_faces", 469,
            "Please confirm if the number of faces in the template corresponds to the user ID."
          ),
          ("create_bad_configure", 400, "configure.more_like_me"), ("create_bad_style", 400, "configure.style_name"),
        ]
        for (name, expectedStatus, message) in expected {
          #expect(status(name) == expectedStatus, "\(name): \(results[name] ?? [:])")
          #expect(
            (results[name]?["message"] as? String)?.hasPrefix(message) == true,
            "\(name): \(results[name] ?? [:])"
          )
        }
        let failed = try #require(results["train_all_bad"]?["job"] as? [String: Any])
        #expect(
          failed["state"] as? Int == 3 && failed["message"] as? String == "Training - Not get best template image"
        )
      }
    }
  }

  /// The seed's own end-to-end script, placeholders filled in: it exits 0 only if every step
  /// succeeds, and leaves single_out.jpg and multi_out.jpg in its folder.
  @Test func theSeedsEndToEndScriptRunsUnchanged() async throws {
    let analysis = try await ServerFixtures.liveAnalysis.value
    let portraits = try ServerFixtures.livePortraits.get()
    let dependencies = InstalledDependencies.directory
    let python = dependencies.root.appendingPathComponent("pai-sdk/bin/python").path
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/seed_portrait_flow.py").path
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-seed-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try await ImageServer.run(extra: try PortraitMedia.files.get()) { media in
      try await TestServer.run(.live, analysis: analysis, portraits: portraits, configure: EdgeTests.allowLoopback) {
        server in
        _ = try await runProcess(python, [script, server.baseURL, server.app.id, server.app.token, media], in: folder)
        for name in ["single_out.jpg", "multi_out.jpg"] {
          let decoded = try ImageDecoder().decode(contentsOf: folder.appendingPathComponent(name))
          #expect(decoded.format == .jpeg && decoded.pixels.height == 512, "\(name)")
        }
      }
    }
  }
}
