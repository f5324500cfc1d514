import Foundation
import LoupeMedia
import LoupeRuntime
import LoupeVision

/// Scene-text photos (Debian opencv-doc), golden lines and live OCR models.
enum OCRFixtures {
  static let options = InferenceOptions(precision: .f32, threads: 2)
  static let detector = Result {
    try TextDetector.live(dependencies: VisionFixtures.dependencies, inference: options)
  }

  static let reader = Result {
    try TextReader.live(dependencies: VisionFixtures.dependencies, inference: options)
  }

  static func sceneText(_ name: String) throws -> PixelBuffer {
    try ImageDecoder().decode(contentsOf: URL(fileURLWithPath: "/usr/share/doc/opencv-doc/examples/text/\(name)"))
      .pixels
  }

  struct Golden: Decodable {
    struct Lines: Decodable {
      var width: Int
      var height: Int
      var boxes: [[[Float]]]
      var scores: [Float]
    }
    var detector: [String: Lines]
    /// rapidocr's whole pipeline (detection, orientation, recognition): the texts per photo.
    var reader: [String: [String]]
  }

  /// Computed by Fixtures/make_golden_ocr.py with rapidocr's own pipeline.
  static let golden: Golden = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/golden_ocr.json")
    return try! JSONDecoder().decode(Golden.self, from: Data(contentsOf: url))
  }()
}
