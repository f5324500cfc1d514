import Foundation
import LoupeMedia
import LoupeTestSupport
import LoupeVision
import Testing

/// AnimeFace 2009 through Loupe's in-process loader gives what the animeface 2.0.3 Python binding
/// gives on the same pixels (recorded with Pillow 9.5: the binding finds nothing with Pillow 10+).
@Suite(.offCooperativePool) struct AnimeFaceDetectorTests {
  static func detector() throws -> AnimeFaceDetector {
    try AnimeFaceDetector.live(dependencies: VisionFixtures.dependencies)
  }

  /// A face as the binding reports it: box, parts (the binding prints the nose and chin squares'
  /// corners; Loupe gives their centres) and likelihood.
  struct BindingFace: Sendable, CustomTestStringConvertible {
    var path: String
    var box: Rect
    var leftEye: Rect
    var rightEye: Rect
    var mouth: Rect
    var likelihood: Float
    var testDescription: String { (path as NSString).lastPathComponent }
  }

  static func rect(_ x: Float, _ y: Float, _ width: Float, _ height: Float) -> Rect {
    Rect(x: x, y: y, width: width, height: height)
  }

  static let bindingFaces = [
    BindingFace(
      path: DrawnImages.eileenHappy,
      box: rect(83, 103, 166, 166),
      leftEye: rect(181, 150, 47, 45),
      rightEye: rect(92, 147, 45, 45),
      mouth: rect(147, 219, 22, 11),
      likelihood: 1
    ),
    BindingFace(
      path: DrawnImages.sylvieBlueNormal,
      box: rect(101, 57, 116, 116),
      leftEye: rect(171, 84, 34, 31),
      rightEye: rect(108, 90, 32, 30),
      mouth: rect(150, 139, 20, 10),
      likelihood: 1
    ),
    BindingFace(
      path: DrawnImages.lucyMad,
      box: rect(136, 159, 182, 182),
      leftEye: rect(241, 204, 45, 34),
      rightEye: rect(169, 205, 39, 32),
      mouth: rect(192, 266, 54, 42),
      likelihood: 0.878983
    ),
  ]

  @Test(arguments: bindingFaces) func findsTheFaceTheBindingFinds(expected: BindingFace) async throws {
    let faces = try await Self.detector().detect(in: try DrawnImages.image(expected.path))
    #expect(faces.count == 1)
    let face = try #require(faces.first)
    #expect(face.box == expected.box)
    #expect(face.leftEye == expected.leftEye)
    #expect(face.rightEye == expected.rightEye)
    #expect(face.mouth == expected.mouth)
    // libvips and Pillow round the transparent edges' flattening differently: the boxes stay
    // exact, the likelihood moves in its fourth decimal.
    #expect(abs(face.likelihood - expected.likelihood) < 1e-3)
    // The character's left eye is on the image's right, the nose between the eyes and above the chin.
    #expect(face.leftEye.x > face.rightEye.x)
    #expect(face.nose.x > face.rightEye.x && face.nose.x < face.leftEye.maxX)
    #expect(face.nose.y < face.chin.y)
  }

  @Test func samplesEileensRedHairAndBlueEyesTheSameEveryTime() async throws {
    let detector = try Self.detector()
    let image = try DrawnImages.image(DrawnImages.eileenHappy)
    let first = try #require(try await detector.detect(in: image).first?.colours)
    let again = try #require(try await detector.detect(in: image).first?.colours)
    #expect(first == again)
    #expect(first.hair.red > first.hair.green + 40 && first.hair.red > first.hair.blue + 40)
    #expect(first.leftEye.blue > first.leftEye.red && first.rightEye.blue > first.rightEye.red)
    #expect(first.skin.red > 200 && first.skin.green > 200)
  }

  @Test func aBackgroundWithoutCharactersHasNoFace() async throws {
    #expect(try await Self.detector().detect(in: try DrawnImages.image(DrawnImages.university)).isEmpty)
  }

  /// Shrinking a large picture keeps the face, with its box in the original's coordinates.
  @Test func facesInShrunkImagesComeBackInOriginalCoordinates() async throws {
    let image = try DrawnImages.image(DrawnImages.eileenHappy)
    let doubled = image.resized(width: image.width * 2, height: image.height * 2, filter: .bilinear)
    let detector = try AnimeFaceDetector.live(dependencies: VisionFixtures.dependencies, maximumSide: 720)
    let face = try #require(try await detector.detect(in: doubled).first)
    #expect(face.box.intersectionOverUnion(with: Rect(x: 166, y: 206, width: 332, height: 332)) > 0.8)
  }

  @Test func aMissingOrForeignLibraryIsATypedError() throws {
    #expect(throws: AnimeFaceError.libraryMissing(path: "/nonexistent/libnvxs.so")) {
      try AnimeFaceDetector.loading(libraryAt: "/nonexistent/libnvxs.so")
    }
    // A file that is no shared library: the loader's refusal, not a crash.
    let notALibrary = DrawnImages.url(DrawnImages.eileenHappy).path
    #expect {
      try AnimeFaceDetector.loading(libraryAt: notALibrary)
    } throws: { error in
      guard case .libraryUnloadable(let path, let reason) = error as? AnimeFaceError else { return false }
      return path == notALibrary && !reason.isEmpty
    }
  }
}
