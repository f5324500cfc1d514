import AsyncHTTPClient
import Foundation
import LoupeAnalysis
import LoupeMedia
import LoupeRuntime
import LoupeServer
import LoupeServices
import LoupeTestSupport
import LoupeVision

enum ServerFixtures {
  static let dependencies = DependenciesDirectory.locate()

  /// The real models, loaded once for every test that needs them.
  static let liveAnalysis = Task(executorPreference: OffCooperativePoolTrait.executor) {
    try await LiveImageAnalysis.load(
      dependencies: InstalledDependencies.directory,
      options: InferenceOptions(precision: .f32, threads: 2)
    )
  }
}

extension ServerFixtures {
  /// The live portrait engine with the face-fusion renderer, loaded once.
  static let livePortraits = Result {
    try LivePortraitService.load(
      dependencies: InstalledDependencies.directory,
      options: InferenceOptions(precision: .f32, threads: 2),
      renderer: FaceFusionRenderer()
    )
  }
}

extension ServerFixtures {
  /// The live embeddings, sharing the live image models.
  static let liveEmbeddings = Task(executorPreference: OffCooperativePoolTrait.executor) {
    LiveEmbeddingService(tagger: try await liveAnalysis.value.tagger)
  }
  // Compiling Whisper takes seconds: off the cooperative pool, which the rest of the suite needs.
  static let liveSpeech = Task(executorPreference: OffCooperativePoolTrait.executor) {
    try await offCooperativePool {
      try SpeechTranscriber.live(dependencies: InstalledDependencies.directory, threads: 2)
    }
  }
  static let liveClips = Task(executorPreference: OffCooperativePoolTrait.executor) {
    LiveClipAnalysis(
      tagger: try await liveAnalysis.value.tagger,
      faces: try FaceAnalyzer.live(
        dependencies: InstalledDependencies.directory,
        options: InferenceOptions(precision: .f32, threads: 2)
      )
    )
  }
}
