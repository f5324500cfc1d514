import Foundation
import LoupeMedia
import LoupeRuntime
import LoupeTestSupport
import LoupeVision
import Testing

@testable import LoupeAnalysis

/// The face-fusion portrait engine on real photos: Yao Ming (trained from augmented copies of
/// one photo) and Grace Hopper put into the astronaut's photo.
@Suite(.serialized, .offCooperativePool) struct FaceFusionTests {
  static let creator = Result {
    let checker = try PortraitCheckerTests.checker.get()
    return PortraitCreator(
      detector: checker.detector,
      embedder: checker.embedder,
      landmarker: try PortraitCheckerTests.trainer.get().landmarker,
      renderer: FaceFusionRenderer()
    )
  }

  static let identities = Task(executorPreference: OffCooperativePoolTrait.executor) {
    () throws -> [String: IdentityModel] in
    var models: [String: IdentityModel] = [:]
    for (name, path) in [("yao", PortraitPhotos.yaoMing), ("grace", PortraitPhotos.graceHopper)] {
      let photos = PortraitPhotos.augmentations(of: try InstalledDependencies.photo(path))
      let checks = await (try PortraitCheckerTests.checker.get()).check(photos)
      let training = zip(photos.indices, checks).map {
        TrainingPhoto(url: "\(name)-\($0.0)", image: photos[$0.0], check: $0.1)
      }
      models[name] = try await (try PortraitCheckerTests.trainer.get()).train(training)
    }
    return models
  }

  static func astronaut() throws -> PixelBuffer { try InstalledDependencies.photo(PortraitPhotos.astronaut) }

  private func create(
    _ template: PixelBuffer,
    _ names: [String],
    _ options: PortraitOptions = PortraitOptions()
  )
    async throws -> PortraitCreation
  {
    let identities = try await Self.identities.value
    return try await Self.creator.get().create(
      template: template,
      identities: names.map { identities[$0]! },
      assignment: names.count == 1 ? .largestFace : .everyFace,
      options: options
    )
  }

  @Test func thePersonReplacesTheTemplateFaceAndNothingFarFromItChanges() async throws {
    let template = try Self.astronaut()
    let yao = try #require(try await Self.identities.value["yao"])
    let creation = try await create(template, ["yao"])
    let own = try await Self.creator.get().similarities(
      in: template,
      at: try await Self.creator.get().detector.detect(in: template),
      scaledBy: 1,
      to: [yao]
    )
    print("fusion display_score \(creation.similarities) template's own face \(own)")
    #expect(creation.similarities[0] >= 0.45, "result vs Yao Ming: \(creation.similarities[0])")
    #expect(own[0] < 0.25, "the astronaut vs Yao Ming: \(own[0])")

    let box = try #require(try await Self.creator.get().detector.detect(in: template).first).box
    let far = Self.outside(box, grownBy: FaceFusionRenderer.cropMargin, width: template.width, height: template.height)
    let psnr = try #require(FloatImage(creation.image).peakSignalToNoiseRatio(to: FloatImage(template), in: far))
    print("fusion PSNR outside the face region \(psnr) dB")
    #expect(psnr >= 40, "PSNR outside box+10%: \(psnr)")

    var global = PortraitOptions()
    global.cropFacePreprocess = false
    let everywhere = try await create(template, ["yao"], global)
    let globalPSNR = try #require(
      FloatImage(everywhere.image).peakSignalToNoiseRatio(to: FloatImage(template), in: far)
    )
    #expect(globalPSNR < psnr, "without the crop, photo_fix reaches the whole photo: \(globalPSNR) dB")
  }

  @Test func eachFaceOfATwoPersonTemplateTakesItsOwnIdentity() async throws {
    let astronaut = try Self.astronaut()
    let mirror = astronaut.warped(
      by: AffineTransform(a: -1, b: 0, tx: Float(astronaut.width - 1), c: 0, d: 1, ty: 0),
      width: astronaut.width,
      height: astronaut.height
    )!
    let duo = PortraitPhotos.sideBySide(astronaut, mirror)
    let identities = try await Self.identities.value
    let creation = try await create(duo, ["yao", "grace"])
    let creator = try Self.creator.get()
    let faces = try await creator.detector.detect(in: duo).sorted { $0.box.x < $1.box.x }
    #expect(faces.count == 2)
    let crossed = try await creator.similarities(
      in: creation.image,
      at: faces,
      scaledBy: 1,
      to: [identities["grace"]!, identities["yao"]!]
    )
    print("two faces: own \(creation.similarities), swapped \(crossed)")
    #expect(creation.similarities[0] > crossed[0] + 0.15 && creation.similarities[1] > crossed[1] + 0.15)
    await #expect(throws: PortraitError.faceCountMismatch(faces: 2, identities: 3)) {
      try await create(duo, ["yao", "grace", "yao"])
    }
    // `model_ids` of one on a two-face template: PAI requires one face per identity.
    let yao = try #require(identities["yao"])
    await #expect(throws: PortraitError.faceCountMismatch(faces: 2, identities: 1)) {
      try await Self.creator.get().create(template: duo, identities: [yao], assignment: .everyFace, options: .init())
    }
    await #expect(throws: PortraitError.noFaceInTemplate) {
      try await create(try InstalledDependencies.photo("skimage/data/coffee.png"), ["yao"])
    }
  }

  @Test func everyConfigureKeyHasItsEffect() async throws {
    let template = try Self.astronaut()
    let base = try await create(template, ["yao"])
    func with(_ change: (inout PortraitOptions) -> Void) async throws -> PortraitCreation {
      var options = PortraitOptions()
      change(&options)
      return try await create(template, ["yao"], options)
    }
    let box = try #require(try await Self.creator.get().detector.detect(in: template).first).box
    let face = Self.inside(box, width: template.width, height: template.height)

    let noFusion = try await with {
      $0.applyFaceFusionBefore = false
      $0.applyFaceFusionAfter = false
    }
    let weak = try await with { $0.moreLikeMe = 0 }
    let strong = try await with { $0.moreLikeMe = 1 }
    let onlyBefore = try await with { $0.applyFaceFusionAfter = false }
    print(
      "similarity: none \(noFusion.similarities) weak \(weak.similarities) default \(base.similarities) strong \(strong.similarities) before-only \(onlyBefore.similarities)"
    )
    #expect(noFusion.similarities[0] < 0.25)
    #expect(weak.similarities[0] < base.similarities[0] && base.similarities[0] < strong.similarities[0])
    #expect(onlyBefore.similarities[0] < base.similarities[0])

    let anime = try await with { $0.styleName = .anime }
    #expect(Self.distinctColours(anime.image) * 3 < Self.distinctColours(base.image))
    let large = try await with { $0.photoEnhancementMethod = .superResolution }
    #expect(large.image.width == 2 * template.width && large.image.height == 2 * template.height)
    let plain = try await with {
      $0.photoEnhancement = false
      $0.sharpRatio = 0
    }
    let sharp = try await with { $0.sharpRatio = 1 }
    #expect(Self.detail(sharp.image, in: face) > Self.detail(plain.image, in: face))
    let smooth = try await with { $0.skinRetouching = true }
    #expect(Self.detail(smooth.image, in: face) < Self.detail(base.image, in: face))

    let uncorrected = try await with {
      $0.colorShiftMiddle = false
      $0.colorShiftLast = false
    }
    // The colour shifts move the face's L*a*b* statistics, mean and spread, to the template face's.
    let landmarks = try await (try PortraitCheckerTests.trainer.get()).landmarker.landmarks(in: box, of: template)
    let faceRegion = FaceRegions(landmarks: landmarks, width: template.width, height: template.height).face
    let target = try #require(FloatImage(template).convertedToLab().channelStatistics(in: faceRegion))
    func colourGap(_ image: PixelBuffer) throws -> Float {
      let own = try #require(FloatImage(image).convertedToLab().channelStatistics(in: faceRegion))
      return zip(own.means + own.standardDeviations, target.means + target.standardDeviations)
        .map { abs($0 - $1) }.reduce(0, +)
    }
    print(
      "colour gap to the template face: shifted \(try colourGap(base.image)), unshifted \(try colourGap(uncorrected.image))"
    )
    #expect(try colourGap(base.image) < colourGap(uncorrected.image))

    let shaped = try await with { $0.faceShapeMatch = true }
    let makeup = try await with {
      $0.makeupTransfer = true
      $0.makeupTransferRatio = 1
    }
    for (name, variant) in [("face_shape_match", shaped), ("makeup_transfer", makeup)] {
      let psnr = try #require(FloatImage(variant.image).peakSignalToNoiseRatio(to: FloatImage(base.image), in: face))
      #expect(psnr < 45, "\(name) changes the face: \(psnr) dB")
    }
  }

  /// Pixels farther than `margin` × the box's larger side from it.
  static func outside(_ box: Rect, grownBy margin: Float, width: Int, height: Int) -> Mask {
    let grow = max(box.width, box.height) * margin
    var values = [Float](repeating: 1, count: width * height)
    for y in 0..<height {
      for x in 0..<width
      where Float(x) >= box.x - grow - 1 && Float(x) <= box.x + box.width + grow + 1
        && Float(y) >= box.y - grow - 1 && Float(y) <= box.y + box.height + grow + 1
      {
        values[y * width + x] = 0
      }
    }
    return Mask(width: width, height: height, values: values)!
  }

  static func inside(_ box: Rect, width: Int, height: Int) -> Mask {
    outside(box, grownBy: 0, width: width, height: height).inverted()
  }

  static func distinctColours(_ image: PixelBuffer) -> Int {
    var seen = Set<Int>()
    for index in stride(from: 0, to: image.pixels.count, by: 3) {
      seen.insert(Int(image.pixels[index]) << 16 | Int(image.pixels[index + 1]) << 8 | Int(image.pixels[index + 2]))
    }
    return seen.count
  }

  /// Mean absolute horizontal luma difference inside `region`: how much fine detail there is.
  static func detail(_ image: PixelBuffer, in region: Mask) -> Double {
    var total = 0.0, count = 0.0
    for y in 0..<image.height {
      for x in 1..<image.width where region[x, y] > 0.5 {
        let here = (y * image.width + x) * 3, left = here - 3
        let luma = { (i: Int) in
          0.299 * Double(image.pixels[i]) + 0.587 * Double(image.pixels[i + 1]) + 0.114 * Double(image.pixels[i + 2])
        }
        total += abs(luma(here) - luma(left))
        count += 1
      }
    }
    return total / max(count, 1)
  }
}
