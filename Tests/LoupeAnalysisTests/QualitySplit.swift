import Foundation
import LoupeMedia
import LoupeTestSupport

/// The photos ImageQA was calibrated and is checked on (Fixtures/quality_split.json): real
/// photographs from installed packages: FIT, the only ones the calibration was tuned on (every
/// earlier round's held-out set included, since each was looked at), and a fresh HELD-OUT set,
/// chosen before any score was computed on it, that the distortion test checks.
struct QualitySplit: Decodable {
  var fit: [String]
  var heldOut: [String]

  /// The longer side photos are scaled down to before distorting, to bound the test's time.
  static let longerSide = 512
  static let depsPrefix = "deps:"

  static func load() throws -> QualitySplit {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/quality_split.json")
    return try JSONDecoder().decode(QualitySplit.self, from: Data(contentsOf: url))
  }

  /// Absolute paths are Debian files, `deps:` paths are under `.deps/` (data-only wheels, unpacked
  /// Debian packages); the others are in the installed site-packages.
  static func photo(_ path: String) throws -> PixelBuffer {
    let image: PixelBuffer
    if path.hasPrefix("/") {
      image = try ImageDecoder().decode(contentsOf: URL(fileURLWithPath: path)).pixels
    } else if path.hasPrefix(depsPrefix) {
      let file = InstalledDependencies.directory.root.appendingPathComponent(String(path.dropFirst(depsPrefix.count)))
      image = try ImageDecoder().decode(contentsOf: file).pixels
    } else {
      image = try InstalledDependencies.photo(path)
    }
    let scale = Double(longerSide) / Double(max(image.width, image.height))
    guard scale < 1 else { return image }
    let width = max(1, Int((Double(image.width) * scale).rounded()))
    let height = max(1, Int((Double(image.height) * scale).rounded()))
    return image.resized(width: width, height: height, filter: .area)
  }
}
