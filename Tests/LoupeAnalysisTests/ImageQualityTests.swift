import Foundation
import LoupeMedia
import Testing

@testable import LoupeAnalysis

@Suite struct ImageQualityTests {
  static let photos = [
    "skimage/data/chelsea.png", "skimage/data/coffee.png", "skimage/data/astronaut.png",
    "skimage/data/motorcycle_left.png", "skimage/data/rocket.jpg",
  ]

  static let distortions: [(kind: String, levels: [Distortion])] = [
    ("blur", [.blur(sigma: 1), .blur(sigma: 2), .blur(sigma: 4)]),
    ("noise", [.noise(sigma: 5), .noise(sigma: 15), .noise(sigma: 30)]),
    ("JPEG", [.jpeg(quality: 60), .jpeg(quality: 25), .jpeg(quality: 8)]),
    ("over-exposure", [.exposure(gain: 1.5), .exposure(gain: 2.2), .exposure(gain: 3.5)]),
    ("under-exposure", [.exposure(gain: 0.5), .exposure(gain: 0.25), .exposure(gain: 0.1)]),
  ]

  @Test(arguments: photos)
  func everyDistortionLevelScoresStrictlyLower(photo: String) throws {
    let assessor = try ImageQualityAssessor()
    let original = try QualityFixtures.photo(photo)
    let start = Date()
    let reference = try assessor.assess(original)
    let milliseconds = Date().timeIntervalSince(start) * 1000
    let size = "\(original.width)×\(original.height)"
    print("quality \(photo) \(size): \(Self.describe(reference)), \(Int(milliseconds)) ms")
    for (kind, levels) in Self.distortions {
      var scores = [reference.score]
      for level in levels {
        let quality = try assessor.assess(try level.applied(to: original))
        print("quality \(photo) \(level): \(Self.describe(quality))")
        scores.append(quality.score)
      }
      let row = scores.map { String(format: "%.1f", $0) }.joined(separator: " | ")
      print("quality-table | \(photo) | \(kind) | \(row) |")
      #expect(zip(scores, scores.dropFirst()).allSatisfy { $0 > $1 }, "\(photo) \(kind): \(scores)")
    }
  }

  @Test func reportsTheOriginalSizeAndAScoreInRange() throws {
    let image = try QualityFixtures.photo("skimage/data/astronaut.png")
    let quality = try ImageQualityAssessor().assess(image)
    #expect(quality.width == 512 && quality.height == 512)
    #expect(quality.score > 0 && quality.score <= 100)
    #expect(quality.brisque >= 0 && quality.brisque <= 100)
  }

  @Test func largeImagesAreAnalysedAsAboutOneMegapixel() throws {
    let photo = try QualityFixtures.photo("skimage/data/astronaut.png")
    let large = photo.resized(width: 2048, height: 2048)
    let quality = try ImageQualityAssessor().assess(large)
    #expect(quality.width == 2048 && quality.height == 2048)
    #expect(quality.score > 0 && quality.score <= 100)
  }

  @Test func tinyImagesAreRejected() throws {
    #expect(throws: AnalysisError.self) {
      try ImageQualityAssessor().assess(PixelBuffer(width: 8, height: 8, filledWith: (10, 20, 30)))
    }
  }

  @Test func flatImagesGetTheWorstBRISQUE() throws {
    let quality = try ImageQualityAssessor().assess(PixelBuffer(width: 64, height: 64))
    #expect(quality.brisque == 100)
  }

  private static func describe(_ q: ImageQuality) -> String {
    String(
      format: "score %.2f brisque %.2f sharpness %.4f noise %.2f blockiness %.3f p99 %.3f clipped %.4f mean %.3f",
      q.score,
      q.brisque,
      q.sharpness,
      q.noise,
      q.blockiness,
      q.highlightLevel,
      q.clippedHighlights,
      q.meanLuminance
    )
  }
}
