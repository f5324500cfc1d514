import Foundation
import LoupeMedia

/// Images scripts/setup makes from scikit-image's astronaut photo (scripts/media/make_test_images.py).
enum TestMedia {
  static let directory: URL = {
    let root =
      ProcessInfo.processInfo.environment["LOUPE_DEPS"].map { URL(fileURLWithPath: $0) }
      ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent(".deps")
    return root.appendingPathComponent("test-media")
  }()

  static func bytes(_ name: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: directory.appendingPathComponent(name)))
  }

  static func decode(_ name: String, limits: ImageLimits = .default) throws -> DecodedImage {
    try ImageDecoder(limits: limits).decode(try bytes(name))
  }

  static func meanAbsoluteDifference(_ a: PixelBuffer, _ b: PixelBuffer) -> Double {
    precondition(a.width == b.width && a.height == b.height)
    var total = 0
    for index in a.pixels.indices { total += abs(Int(a.pixels[index]) - Int(b.pixels[index])) }
    return Double(total) / Double(a.pixels.count)
  }
}
