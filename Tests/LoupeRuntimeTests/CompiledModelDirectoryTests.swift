import Foundation
import LoupeRuntime
import LoupeTestSupport
import Testing

/// Models imported from the compiled-model folder behave as freshly compiled ones, and the
/// folder never serves a model for a weight file other than the one it was compiled from.
@Suite(.offCooperativePool) struct CompiledModelDirectoryTests {
  /// A private copy of an installed model, in a folder of its own beside an empty compiled-model
  /// folder; both are removed with it.
  struct Workspace {
    let folder: URL
    let modelPath: String
    let compiledModels: CompiledModelDirectory

    init(copying golden: GoldenOutputTests.Golden.Model) throws {
      folder = FileManager.default.temporaryDirectory.appendingPathComponent("loupe-compiled-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      modelPath = folder.appendingPathComponent("model.onnx").path
      try FileManager.default.copyItem(
        atPath: InstalledDependencies.directory.root.appendingPathComponent(golden.path).path,
        toPath: modelPath
      )
      compiledModels = CompiledModelDirectory(url: folder.appendingPathComponent("compiled"))
    }

    /// Every file OpenVINO wrote, with its modification date.
    func blobs() throws -> [String: Date] {
      let files =
        FileManager.default.enumerator(at: compiledModels.url, includingPropertiesForKeys: nil)?
        .compactMap { $0 as? URL }.filter { $0.pathExtension == "blob" } ?? []
      return try Dictionary(
        uniqueKeysWithValues: files.map {
          ($0.path, try #require(try FileManager.default.attributesOfItem(atPath: $0.path)[.modificationDate] as? Date))
        }
      )
    }

    func output(_ model: InferenceModel, side: Int) async throws -> Tensor {
      try #require(try await model.run([GoldenPattern.tensor(side: side)]).first)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
  }

  static let arcFace = GoldenOutputTests.golden.models["arcface_w600k_mbf"]!
  static let landmarks = GoldenOutputTests.golden.models["landmarks_2d106"]!

  @Test func aSecondLoadImportsTheCompiledModelAndMatchesOnnxRuntime() async throws {
    let workspace = try Workspace(copying: Self.arcFace)
    defer { workspace.remove() }
    let options = InferenceOptions(precision: .f32, threads: 2)
    _ = try InferenceModel(path: workspace.modelPath, options: options, compiledModels: workspace.compiledModels)
    let written = try workspace.blobs()
    #expect(written.count == 1)

    let imported = try InferenceModel(
      path: workspace.modelPath,
      options: options,
      compiledModels: workspace.compiledModels
    )
    #expect(try workspace.blobs() == written, "the second load compiled and wrote again")
    let output = try await workspace.output(imported, side: Self.arcFace.side)
    #expect(GoldenPattern.maxAbsDifference(output.floats, Self.arcFace.output) <= 1e-4)
    #expect(try imported.compiledProperty("INFERENCE_NUM_THREADS") == "2")
  }

  /// The CPU plugin keeps one blob per file for both precisions and applies the precision when it
  /// imports; whichever precision compiled first, each load gets the one it asked for.
  @Test func eachLoadGetsThePrecisionItAskedFor() async throws {
    let workspace = try Workspace(copying: Self.arcFace)
    defer { workspace.remove() }
    func output(_ precision: Precision) async throws -> [Float] {
      let model = try InferenceModel(
        path: workspace.modelPath,
        options: InferenceOptions(precision: precision, threads: 1),
        compiledModels: workspace.compiledModels
      )
      #expect(try model.compiledProperty("INFERENCE_PRECISION_HINT") == precision.effective.rawValue)
      return try await workspace.output(model, side: Self.arcFace.side).floats
    }
    _ = try await output(.f32)
    let bf16 = GoldenPattern.maxAbsDifference(try await output(.bf16), Self.arcFace.output)
    // Without bf16 in the CPU, OpenVINO runs f32 (GoldenOutputTests checks that fallback).
    if Precision.bf16.runsNatively { #expect(bf16 > 1e-4, "bf16 not applied") }
    #expect(GoldenPattern.maxAbsDifference(try await output(.f32), Self.arcFace.output) <= 1e-4)
  }

  @Test func aWeightFileReplacedInPlaceIsNotServedItsPredecessor() async throws {
    let workspace = try Workspace(copying: Self.arcFace)
    defer { workspace.remove() }
    _ = try InferenceModel(path: workspace.modelPath, compiledModels: workspace.compiledModels)
    try FileManager.default.removeItem(atPath: workspace.modelPath)
    try FileManager.default.copyItem(
      atPath: InstalledDependencies.directory.root.appendingPathComponent(Self.landmarks.path).path,
      toPath: workspace.modelPath
    )

    let replaced = try InferenceModel(path: workspace.modelPath, compiledModels: workspace.compiledModels)
    let output = try await workspace.output(replaced, side: Self.landmarks.side)
    #expect(output.shape == Self.landmarks.shape)
    #expect(GoldenPattern.maxAbsDifference(output.floats, Self.landmarks.output) <= 1e-4)
  }

  @Test func aCorruptCompiledModelIsCompiledAgain() async throws {
    let workspace = try Workspace(copying: Self.arcFace)
    defer { workspace.remove() }
    _ = try InferenceModel(path: workspace.modelPath, compiledModels: workspace.compiledModels)
    for blob in try workspace.blobs().keys {
      try Data(repeating: 0x5a, count: 4096).write(to: URL(fileURLWithPath: blob))
    }

    let model = try InferenceModel(path: workspace.modelPath, compiledModels: workspace.compiledModels)
    let output = try await workspace.output(model, side: Self.arcFace.side)
    #expect(GoldenPattern.maxAbsDifference(output.floats, Self.arcFace.output) <= 1e-4)
  }

  @Test func aFolderThatCannotBeMadeOnlyTurnsCachingOff() async throws {
    let workspace = try Workspace(copying: Self.arcFace)
    defer { workspace.remove() }
    // A folder inside a regular file can never be created, even by root.
    let impossible = CompiledModelDirectory(
      url: URL(fileURLWithPath: workspace.modelPath).appendingPathComponent("compiled")
    )

    let model = try InferenceModel(path: workspace.modelPath, compiledModels: impossible)
    let output = try await workspace.output(model, side: Self.arcFace.side)
    #expect(GoldenPattern.maxAbsDifference(output.floats, Self.arcFace.output) <= 1e-4)
  }

  @Test func aMissingFileIsStillReportedAsMissing() throws {
    let workspace = try Workspace(copying: Self.arcFace)
    defer { workspace.remove() }
    let missing = workspace.folder.appendingPathComponent("absent.onnx").path
    #expect(throws: RuntimeError.modelFileMissing(path: missing)) {
      try InferenceModel(path: missing, compiledModels: workspace.compiledModels)
    }
  }
}
