import Foundation
import LoupeTestSupport
import Testing

@Suite(.offCooperativePool) struct FacesCommandTests {
  struct Report: Decodable {
    struct Face: Decodable {
      struct Box: Decodable {
        var x: Float
        var y: Float
        var width: Float
        var height: Float
      }
      var box: Box
      var score: Float
      var landmarks: [[Float]]
      var embedding: [Float]?
    }
    var faces: [Face]
  }

  @Test func printsOneFaceForTheAstronaut() async throws {
    let result = try await CLIRunner.run(["faces", CLIRunner.packageFile("skimage/data/astronaut.png")])
    #expect(result.status == 0, "\(result.standardError)")
    let report = try JSONDecoder().decode(Report.self, from: Data(result.standardOutput.utf8))
    #expect(report.faces.count == 1)
    #expect(report.faces.first?.landmarks.count == 5)
    #expect(report.faces.first?.embedding == nil)
  }

  @Test func printsEmbeddingsWhenAsked() async throws {
    let result = try await CLIRunner.run([
      "faces", "--embeddings", "--detector", "retinaface",
      "file://" + CLIRunner.packageFile("matplotlib/mpl-data/sample_data/grace_hopper.jpg"),
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let report = try JSONDecoder().decode(Report.self, from: Data(result.standardOutput.utf8))
    #expect(report.faces.count == 1)
    #expect(report.faces.first?.embedding?.count == 512)
  }

  @Test func corruptImageFailsWithAClearMessage() async throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-cli-\(UUID().uuidString).jpg").path
    try Data([0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3]).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let result = try await CLIRunner.run(["faces", path])
    #expect(result.status != 0)
    #expect(result.standardError.contains("JPEG image is corrupt or truncated"))
    let missing = try await CLIRunner.run(["faces", "/nonexistent.png"])
    #expect(missing.status != 0)
    #expect(missing.standardError.contains("no such file"))
  }
}
