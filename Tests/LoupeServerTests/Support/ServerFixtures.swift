import AsyncHTTPClient
import Foundation
import LoupeAnalysis
import LoupeRuntime
import LoupeServer
import LoupeServices

enum ServerFixtures {
  static let dependencies = DependenciesDirectory.locate()

  /// The real models, loaded once for every test that needs them.
  static let liveAnalysis = Task {
    try await LiveImageAnalysis.load(
      dependencies: try DependenciesDirectory.locate().orThrow(), options: InferenceOptions(precision: .f32, threads: 2)
    )
  }
}

extension ServerFixtures {
  /// The live portrait engine with the face-fusion renderer, loaded once.
  static let livePortraits = Result {
    try LivePortraitService.load(
      dependencies: try DependenciesDirectory.locate().orThrow(),
      options: InferenceOptions(precision: .f32, threads: 2),
      renderer: FaceFusionRenderer())
  }
}
