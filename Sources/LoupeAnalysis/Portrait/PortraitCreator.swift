import LoupeMedia
import LoupeRuntime
import LoupeVision

/// PAI's `AIGCImageCreate`: finds the template's faces, matches them to the identities left to
/// right, has the renderer make the portrait, then measures each result face's ArcFace cosine
/// to its identity's mean embedding (`display_score`, and the tests' identity metric).
///
/// `FaceAssignment` says which faces take the identities: the largest alone for a single-model
/// request, every face (exactly one per identity) for a multi-person one.
public struct PortraitCreator: Sendable {
  public let detector: any FaceDetector
  public let embedder: any FaceEmbedder
  public let landmarker: FaceLandmarker106
  public let renderer: any PortraitRenderer

  public init(
    detector: any FaceDetector,
    embedder: any FaceEmbedder,
    landmarker: FaceLandmarker106,
    renderer: any PortraitRenderer
  ) {
    self.detector = detector
    self.embedder = embedder
    self.landmarker = landmarker
    self.renderer = renderer
  }

  public func create(
    template: PixelBuffer,
    identities: [IdentityModel],
    assignment: FaceAssignment,
    options: PortraitOptions
  ) async throws
    -> PortraitCreation
  {
    precondition(!identities.isEmpty, "a portrait needs an identity")
    let detected = try await modelStep { try await detector.detect(in: template) }
    guard !detected.isEmpty else { throw PortraitError.noFaceInTemplate }
    let chosen: [DetectedFace]
    if assignment == .largestFace {
      precondition(identities.count == 1, "the largest face takes one identity")
      chosen = [detected.max { $0.box.area < $1.box.area }!]
    } else {
      guard detected.count == identities.count else {
        throw PortraitError.faceCountMismatch(faces: detected.count, identities: identities.count)
      }
      chosen = detected.sorted { $0.box.x + $0.box.width / 2 < $1.box.x + $1.box.width / 2 }
    }
    var faces: [TemplateFace] = []
    for face in chosen {
      let landmarks = try await modelStep { try await landmarker.landmarks(in: face.box, of: template) }
      faces.append(TemplateFace(face: face, landmarks: landmarks))
    }
    let image = try await renderer.render(template: template, faces: faces, identities: identities, options: options)
    let scale = Float(image.width) / Float(template.width)
    return PortraitCreation(
      image: image,
      similarities: try await similarities(in: image, at: chosen, scaledBy: scale, to: identities)
    )
  }

  /// For each template face, the result face found nearest it (largest overlap; the result may
  /// be `scale` times the template's size), compared with its identity; 0 when no face is found
  /// there any more.
  func similarities(
    in image: PixelBuffer,
    at places: [DetectedFace],
    scaledBy scale: Float,
    to identities: [IdentityModel]
  ) async throws -> [Float] {
    let found = try await modelStep { try await detector.detect(in: image) }
    var scores: [Float] = []
    for (place, identity) in zip(places, identities) {
      let box = Rect(
        x: place.box.x * scale,
        y: place.box.y * scale,
        width: place.box.width * scale,
        height: place.box.height * scale
      )
      guard
        let match = found.max(by: { $0.box.intersectionOverUnion(with: box) < $1.box.intersectionOverUnion(with: box) }
        ),
        match.box.intersectionOverUnion(with: box) > 0.3
      else {
        scores.append(0)
        continue
      }
      let embedding = try await modelStep { try await embedder.embedding(of: match, in: image) }
      scores.append(embedding.cosine(with: identity.meanEmbedding))
    }
    return scores
  }

  private func modelStep<T>(_ step: () async throws -> T) async throws -> T {
    do {
      return try await step()
    } catch let error as PortraitError {
      throw error
    } catch {
      throw AnalysisError.fault(in: "face models failed", error)
    }
  }
}
