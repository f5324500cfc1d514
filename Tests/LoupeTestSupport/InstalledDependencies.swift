import Foundation
import LoupeMedia
import LoupeRuntime

/// The installed `.deps/` every test target reads models and photos from (scripts/test sets
/// LOUPE_DEPS; `swift test` from the repository finds it).
public enum InstalledDependencies {
  public static let directory: DependenciesDirectory = {
    guard let directory = DependenciesDirectory.locate() else {
      fatalError("run ./scripts/setup before the tests: .deps/ not found")
    }
    return directory
  }()

  /// A photo from an installed package (never committed), decoded.
  public static func photo(_ packagePath: String) throws -> PixelBuffer {
    try ImageDecoder().decode(contentsOf: directory.packageFile(packagePath)).pixels
  }
}
