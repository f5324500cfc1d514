import LoupeMedia
import LoupeRuntime
import LoupeTestSupport
import LoupeVision
import Testing

@Suite(.offCooperativePool) struct ObjectDetectorTests {
  @Test(arguments: [VisionFixtures.astronaut, ObjectFixtures.motorcycle, ObjectFixtures.coffee])
  func f32MatchesOpenVINOPython(photo: String) async throws {
    let golden = try #require(ObjectFixtures.golden.detector[photo])
    let image = try VisionFixtures.photo(photo)
    #expect(image.width == golden.width && image.height == golden.height)
    let objects = try await ObjectFixtures.detector.get().detect(in: image)
    #expect(objects.map(\.classID) == golden.classes)
    #expect(GoldenPattern.maxAbsDifference(objects.map(\.score), golden.scores) <= 1e-4)
    // Golden boxes are relative (ymin, xmin, ymax, xmax); ours are in pixels.
    let relative = objects.flatMap { object in
      [
        object.box.y / Float(image.height), object.box.x / Float(image.width),
        object.box.maxY / Float(image.height), object.box.maxX / Float(image.width),
      ]
    }
    #expect(GoldenPattern.maxAbsDifference(relative, golden.boxes) <= 1e-4)
  }

  @Test(arguments: [
    (VisionFixtures.astronaut, [1]),  // person
    (ObjectFixtures.motorcycle, [4]),  // motorcycle
    (ObjectFixtures.coffee, [47]),  // cup
    (ObjectFixtures.chelsea, [17]),  // cat
  ])
  func findsTheMainObject(photo: String, classes: [Int]) async throws {
    let objects = try await ObjectFixtures.detector.get().detect(in: try VisionFixtures.photo(photo))
    #expect(objects.first.map { classes.contains($0.classID) } == true, "\(photo): \(objects)")
    #expect(objects.first.map { $0.score > 0.8 } == true)
  }

  @Test func messiAndTheBall() async throws {
    let image = try ObjectFixtures.messi()
    let objects = try await ObjectFixtures.detector.get().detect(in: image)
    let person = try #require(objects.first { $0.classID == 1 })
    let ball = try #require(objects.first { $0.classID == 37 })
    #expect(person.score > 0.9 && ball.score > 0.9)
    // The ball lies at Messi's feet: low in the frame, inside his box horizontally.
    #expect(ball.box.y > Float(image.height) * 0.7)
    #expect(ball.box.x >= person.box.x && ball.box.maxX <= person.box.maxX)
    #expect(ball.box.area < person.box.area / 10)
  }

  @Test func thresholdFiltersAndOrderIsBestFirst() async throws {
    let model = try InferenceModel(
      path: VisionFixtures.dependencies.url(for: ModelCatalog.ssdMobileNetV2COCO).path,
      options: ObjectFixtures.options
    )
    let image = try VisionFixtures.photo(ObjectFixtures.coffee)
    let loose = try await ObjectDetector(model: model, scoreThreshold: 0.05).detect(in: image)
    let strict = try await ObjectDetector(model: model, scoreThreshold: 0.9).detect(in: image)
    #expect(loose.count > strict.count)
    #expect(strict.allSatisfy { $0.score >= 0.9 })
    #expect(loose.map(\.score) == loose.map(\.score).sorted(by: >))
    #expect(Array(loose.prefix(strict.count)) == strict)
  }

  /// A photo larger than `largestInputSide` is shrunk first; boxes still land in its pixels.
  @Test func largePhotosGiveTheSameBoxesInTheirOwnPixels() async throws {
    let detector = try ObjectFixtures.detector.get()
    let image = try VisionFixtures.photo(ObjectFixtures.motorcycle)
    let large = image.resized(width: image.width * 3, height: image.height * 3)
    let small = try #require(try await detector.detect(in: image).first)
    let big = try #require(try await detector.detect(in: large).first)
    #expect(big.classID == small.classID)
    let scaled = Rect(x: small.box.x * 3, y: small.box.y * 3, width: small.box.width * 3, height: small.box.height * 3)
    #expect(big.box.intersectionOverUnion(with: scaled) > 0.9)
  }

  @Test func blankImageHasNoConfidentObjects() async throws {
    let objects = try await ObjectFixtures.detector.get().detect(in: PixelBuffer(width: 320, height: 240))
    #expect(objects.allSatisfy { $0.score < 0.5 })
  }
}
