import LoupeRuntime
import LoupeTestSupport
import LoupeVision
import Testing

@testable import LoupeServices

/// "Load once" is per process: every live engine of `loupe serve` loads through the model cache,
/// so a model two features use (SCRFD, 2d106det) is compiled once and shared.
@Suite(.offCooperativePool) struct ModelCacheTests {
  @Test func everyModelFileIsCompiledOncePerProcess() async throws {
    let dependencies = InstalledDependencies.directory
    // Options no other test uses, so the counts below are this test's alone.
    let options = InferenceOptions(precision: .f32, threads: 1, concurrentRequests: 3)
    _ = try await AnalysisEngines.live(dependencies: dependencies, options: options)
    _ = try await AnalysisEngines.live(dependencies: dependencies, options: options)
    let expected = [
      ModelCatalog.scrfd500M, ModelCatalog.arcFaceMobile, ModelCatalog.landmarks106, ModelCatalog.age,
      ModelCatalog.gender, ModelCatalog.textEncoder, ModelCatalog.efficientNetLite2, ModelCatalog.ssdMobileNetV2COCO,
      ModelCatalog.poseDetection, ModelCatalog.poseLandmarkFull, ModelCatalog.ppOCRv6Detector,
      ModelCatalog.ppOCRv6Recognizer,
    ].map { dependencies.url(for: $0).standardizedFileURL.path }
    #expect(ModelCache.shared.compiledPaths(options: options) == expected.sorted())
    for path in expected {
      #expect(ModelCache.shared.compilations(at: path, options: options) == 1, "\(path)")
    }
  }

  @Test func anotherPrecisionIsAnotherModel() throws {
    let dependencies = InstalledDependencies.directory
    let cache = ModelCache()
    let f32 = try dependencies.model(ModelCatalog.scrfd500M, options: InferenceOptions(precision: .f32), cache: cache)
    let again = try dependencies.model(ModelCatalog.scrfd500M, options: InferenceOptions(precision: .f32), cache: cache)
    let bf16 = try dependencies.model(ModelCatalog.scrfd500M, options: InferenceOptions(precision: .bf16), cache: cache)
    #expect(f32 === again && f32 !== bf16)
  }
}
