import Foundation
import LoupeMedia
import LoupeRuntime
import LoupeTestSupport

/// Photos from the installed packages (never committed) and the committed BRISQUE golden values.
enum QualityFixtures {
  static var dependencies: DependenciesDirectory { InstalledDependencies.directory }

  static func photo(_ packagePath: String) throws -> PixelBuffer {
    try InstalledDependencies.photo(packagePath)
  }

  struct GoldenImage: Decodable {
    var path: String
    var features: [Float]
    var score: Double
  }

  /// Written by Fixtures/make_brisque_golden.py with OpenCV contrib.
  static func brisqueGolden() throws -> [GoldenImage] {
    struct File: Decodable { var images: [GoldenImage] }
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/brisque_golden.json")
    return try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).images
  }
}
