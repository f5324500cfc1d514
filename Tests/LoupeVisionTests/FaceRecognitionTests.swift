import LoupeMedia
import LoupeTestSupport
import LoupeVision
import Testing

@Suite(.offCooperativePool) struct FaceRecognitionTests {
  @Test(arguments: [FaceDetectorKind.scrfd, .retinaface], [VisionFixtures.astronaut, VisionFixtures.graceHopper])
  func portraitsHaveOneFace(detector: FaceDetectorKind, photo: String) async throws {
    let image = try VisionFixtures.photo(photo)
    let faces = try await VisionFixtures.analyzer(detector).detector.detect(in: image)
    #expect(faces.count == 1)
    let face = try #require(faces.first)
    #expect(face.landmarks.count == 5)
    // Eyes above the nose, nose above the mouth, all inside the box.
    #expect(face.landmarks[0].y < face.landmarks[2].y && face.landmarks[2].y < face.landmarks[3].y)
    #expect(face.landmarks[0].x < face.landmarks[1].x)
    for point in face.landmarks {
      #expect(point.x >= face.box.x && point.x <= face.box.maxX && point.y >= face.box.y && point.y <= face.box.maxY)
    }
  }

  @Test func astronautFaceIsWhereItShouldBe() async throws {
    // Eileen Collins' face in the 512 × 512 photo spans roughly x 180–275, y 60–180.
    let faces = try await VisionFixtures.analyzer().detector.detect(
      in: try VisionFixtures.photo(VisionFixtures.astronaut)
    )
    let face = try #require(faces.first)
    #expect(face.box.intersectionOverUnion(with: Rect(minX: 180, minY: 60, maxX: 272, maxY: 180)) > 0.7)
    #expect(face.score > 0.7)
  }

  @Test func yaoMingIsFoundAmongThePlayersAndNobodyElse() async throws {
    let analyzer = try VisionFixtures.analyzer()
    let reference = try #require(
      try await analyzer.analyze(try VisionFixtures.photo(VisionFixtures.yaoMing)).first?.embedding
    )
    let players = try await analyzer.analyze(try VisionFixtures.photo(VisionFixtures.players))
    #expect(players.count >= 20)
    let similarities = players.compactMap { $0.embedding?.cosine(with: reference) }
    #expect(similarities.count == players.count)
    #expect(similarities.filter { $0 >= 0.5 }.count == 1)
    #expect(similarities.filter { $0 < 0.5 }.allSatisfy { $0 < 0.3 })
  }

  @Test func embeddingsAreUnitLength512() async throws {
    let observations = try await VisionFixtures.analyzer().analyze(try VisionFixtures.photo(VisionFixtures.graceHopper))
    let embedding = try #require(observations.first?.embedding)
    #expect(embedding.count == 512)
    #expect(abs(embedding.cosine(with: embedding) - 1) < 1e-4)
  }

  @Test func bothDetectorsGiveTheSameIdentity() async throws {
    // Alignment from either detector's landmarks must land on the same person.
    let image = try VisionFixtures.photo(VisionFixtures.graceHopper)
    let scrfd = try #require(try await VisionFixtures.analyzer(.scrfd).analyze(image).first?.embedding)
    let retina = try #require(try await VisionFixtures.analyzer(.retinaface).analyze(image).first?.embedding)
    #expect(scrfd.cosine(with: retina) > 0.7)
    let other = try #require(
      try await VisionFixtures.analyzer().analyze(try VisionFixtures.photo(VisionFixtures.astronaut)).first?.embedding
    )
    #expect(scrfd.cosine(with: other) < 0.3)
  }

  @Test func blankImageHasNoFaces() async throws {
    let faces = try await VisionFixtures.analyzer().analyze(
      PixelBuffer(width: 320, height: 240, filledWith: (128, 128, 128))
    )
    #expect(faces.isEmpty)
  }

  @Test func tinyAndExtremeAspectImagesAreHandled() async throws {
    let analyzer = try VisionFixtures.analyzer()
    for (width, height) in [(1, 1), (2000, 3), (3, 2000)] {
      #expect(try await analyzer.analyze(PixelBuffer(width: width, height: height)).isEmpty)
    }
    let retina = try VisionFixtures.analyzer(.retinaface)
    #expect(try await retina.analyze(PixelBuffer(width: 1, height: 1)).isEmpty)
  }
}

@Suite(.offCooperativePool) struct FaceAlignmentTests {
  /// A face whose landmarks sit exactly on the ArcFace template aligns by the identity, so the
  /// pipeline's embedding must equal the embedding of the unwarped crop.
  @Test func templateLandmarksAlignByIdentity() async throws {
    let live = try VisionFixtures.analyzer()
    let photo = try VisionFixtures.photo(VisionFixtures.graceHopper)
    let detected = try #require(try await live.detector.detect(in: photo).first)
    let crop = try #require(ArcFaceAlignment.aligned(detected, in: photo))
    let onTemplate = DetectedFace(
      box: Rect(x: 0, y: 0, width: 112, height: 112),
      score: 1,
      landmarks: ArcFaceAlignment.template
    )
    let transform = try #require(ArcFaceAlignment.transform(for: onTemplate.landmarks))
    #expect(abs(transform.a - 1) < 1e-5 && abs(transform.b) < 1e-5 && abs(transform.tx) < 1e-3)

    let fixed = FaceAnalyzer(detector: FixedFaceDetector(faces: [onTemplate]), embedder: live.embedder)
    let viaPipeline = try #require(try await fixed.analyze(crop).first?.embedding)
    let direct = try await (live.embedder as! ArcFaceEmbedder).embedding(ofAligned: crop)
    #expect(viaPipeline.cosine(with: direct) > 0.9999)
    let original = try #require(try await live.analyze(photo).first?.embedding)
    #expect(viaPipeline.cosine(with: original) > 0.9999)
  }
}
