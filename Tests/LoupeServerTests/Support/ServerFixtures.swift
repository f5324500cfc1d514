import AsyncHTTPClient
import Foundation
import LoupeAnalysis
import LoupeRuntime
import LoupeServer

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

enum HTTPClientRequestBuilder {
  static func post(_ url: String, body: String) -> HTTPClientRequest {
    var request = HTTPClientRequest(url: url)
    request.method = .POST
    request.headers.add(name: "Authorization", value: "x:y")
    request.body = .bytes(.init(string: body))
    return request
  }
}

extension Optional {
  func orThrow() throws -> Wrapped {
    guard let self else { throw CocoaError(.fileNoSuchFile) }
    return self
  }
}
