import Foundation
import LoupeMedia
import LoupeRuntime
import LoupeVision

/// Photos and golden values for the classifier and detector tests.
enum ObjectFixtures {
  static let chelsea = "skimage/data/chelsea.png"
  static let coffee = "skimage/data/coffee.png"
  static let motorcycle = "skimage/data/motorcycle_left.png"
  static let rocket = "skimage/data/rocket.jpg"

  /// Installed by Debian's opencv-doc, outside the Python packages.
  static func messi() throws -> PixelBuffer {
    try ImageDecoder().decode(contentsOf: URL(fileURLWithPath: "/usr/share/doc/opencv-doc/examples/data/messi5.jpg"))
      .pixels
  }

  static let options = InferenceOptions(precision: .f32, threads: 2)
  static let classifier = Result {
    try ImageClassifier.live(dependencies: VisionFixtures.dependencies, options: options)
  }
  static let detector = Result {
    try ObjectDetector.live(dependencies: VisionFixtures.dependencies, options: options, scoreThreshold: 0.3)
  }

  struct Golden: Decodable {
    struct Classifier: Decodable {
      struct Output: Decodable {
        var logits: [Float]
        var features: [Float]?
      }
      var pattern: Output
      var chelsea: Output
    }
    struct Detections: Decodable {
      var width: Int
      var height: Int
      var classes: [Int]
      var scores: [Float]
      var boxes: [Float]
    }
    var classifier: Classifier
    var detector: [String: Detections]
  }

  /// Computed by Fixtures/make_golden_vision.py.
  static let golden: Golden = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/golden_vision.json")
    return try! JSONDecoder().decode(Golden.self, from: Data(contentsOf: url))
  }()

}
