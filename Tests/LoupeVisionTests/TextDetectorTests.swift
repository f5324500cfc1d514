import LoupeMedia
import LoupeRuntime
import LoupeTestSupport
import LoupeVision
import Testing

@Suite(.offCooperativePool) struct TextDetectorTests {
  /// The same lines as rapidocr's own detector and DB post-processing, in the same order.
  @Test(arguments: ["scenetext01.jpg", "scenetext02.jpg", "scenetext05.jpg"])
  func matchesRapidOCR(photo: String) async throws {
    let golden = try #require(OCRFixtures.golden.detector[photo])
    let image = try OCRFixtures.sceneText(photo)
    #expect(image.width == golden.width && image.height == golden.height)
    let regions = try await OCRFixtures.detector.get().detect(in: image)
    try #require(regions.count == golden.boxes.count, "\(regions)")
    for (region, (box, score)) in zip(regions, zip(golden.boxes, golden.scores)) {
      // Resampling differs slightly from OpenCV's, so corners may move by a pixel or two.
      let corners = box.map { Point(x: $0[0], y: $0[1]) }
      let offsets = zip(region.corners, corners).map { max(abs($0.x - $1.x), abs($0.y - $1.y)) }
      #expect(offsets.max()! <= 3, "\(region.corners) vs \(corners)")
      #expect(abs(region.score - score) <= 0.02, "\(region.score) vs \(score) at \(corners)")
    }
  }

  /// A flat white or black frame has no lines. (A flat saturated colour can make the network
  /// light up the whole frame, in rapidocr too; recognition then reads nothing there.)
  @Test(arguments: [UInt8(255), 0])
  func flatFrameHasNoText(level: UInt8) async throws {
    let regions = try await OCRFixtures.detector.get().detect(
      in: PixelBuffer(width: 640, height: 360, filledWith: (level, level, level))
    )
    #expect(regions.isEmpty)
  }

  @Test func linesAreInTheImagesPixelsWhateverItsSize() async throws {
    let detector = try OCRFixtures.detector.get()
    let image = try OCRFixtures.sceneText("scenetext01.jpg")
    let small = image.resized(width: image.width / 2, height: image.height / 2, filter: .area)
    let full = try await detector.detect(in: image)
    let half = try await detector.detect(in: small)
    // At half size the smallest line may fall below the detector's reach; the rest stay put.
    #expect(half.count >= full.count - 1 && half.count <= full.count)
    for line in half {
      let b = line.bounds
      let scaled = Rect(x: b.x * 2, y: b.y * 2, width: b.width * 2, height: b.height * 2)
      #expect(full.contains { $0.bounds.intersectionOverUnion(with: scaled) > 0.75 }, "\(scaled)")
    }
  }

  @Test func inputSidesAreMultiplesOf32WithinTheLimit() throws {
    let model = try VisionFixtures.dependencies.model(ModelCatalog.ppOCRv6Detector, options: OCRFixtures.options)
    let capped = TextDetector(model: model, options: TextDetectorOptions(sideLimit: .longestAtMost(960)))
    #expect(capped.inputSize(width: 1920, height: 1080) == (960, 544))
    #expect(capped.inputSize(width: 300, height: 20) == (288, 32))
    let enlarged = TextDetector(model: model, options: TextDetectorOptions(sideLimit: .shortestAtLeast(736)))
    #expect(enlarged.inputSize(width: 800, height: 600) == (992, 736))
  }
}
