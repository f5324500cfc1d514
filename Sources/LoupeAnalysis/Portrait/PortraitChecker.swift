import LoupeMedia
import LoupeRuntime
import LoupeVision

/// PAI's `AIGCImageCheck`: is each photo usable to train a person's identity?
///
/// - one face: a photo with several faces still counts as one when its largest face is at least
///   `dominance` times the area of the next (a person with a crowd behind);
/// - frontal: `HeadPose` yaw and pitch within `frontalLimit` degrees;
/// - same person: each face's cosine to the mean of the *other* photos' faces must reach
///   `samePersonThreshold`; the worst photo below it is set aside (code 6) and the others are
///   judged again without it, until every remaining photo passes, so one stranger is the only
///   photo flagged.
public struct PortraitChecker: Sendable {
  public let detector: any FaceDetector
  public let embedder: any FaceEmbedder
  public var dominance: Float = 4
  public var frontalLimit: Double = 20
  /// ArcFace (w600k MobileFaceNet) cosines: the same person's photos against the mean of their
  /// others measure 0.45–0.85, different people below 0.2.
  public var samePersonThreshold: Float = 0.3
  /// Photos with a shorter side below this are reported (PAI asks for more than 512×512).
  public static let minimumShortSide = 512

  public init(detector: any FaceDetector, embedder: any FaceEmbedder) {
    self.detector = detector
    self.embedder = embedder
  }

  public static func live(dependencies: DependenciesDirectory, options: InferenceOptions) throws -> PortraitChecker {
    let analyzer = try FaceAnalyzer.live(dependencies: dependencies, options: options)
    return PortraitChecker(detector: analyzer.detector, embedder: analyzer.embedder)
  }

  /// Checks every photo; `nil` stands for a photo that could not be downloaded or decoded.
  public func check(_ photos: [PixelBuffer?]) async -> [PortraitPhotoCheck] {
    var checks: [PortraitPhotoCheck] = []
    for photo in photos {
      guard let photo else {
        checks.append(PortraitPhotoCheck(code: .decodeError))
        continue
      }
      checks.append(await checkAlone(photo))
    }
    markStrangers(&checks)
    return checks
  }

  /// Everything but the comparison with the other photos.
  func checkAlone(_ photo: PixelBuffer) async -> PortraitPhotoCheck {
    let shortSide = min(photo.width, photo.height)
    let faces: [DetectedFace]
    do {
      faces = try await detector.detect(in: photo)
    } catch {
      return PortraitPhotoCheck(code: .detectError, shortSide: shortSide)
    }
    guard let face = dominantFace(faces) else { return PortraitPhotoCheck(code: .faceCount, shortSide: shortSide) }
    let pose = HeadPose(landmarks: face.landmarks)
    let frontal = pose?.isFrontal(limit: frontalLimit) ?? false
    guard let embedding = try? await embedder.embedding(of: face, in: photo) else {
      return PortraitPhotoCheck(code: .encodingError, frontal: frontal, shortSide: shortSide, face: face, pose: pose)
    }
    return PortraitPhotoCheck(
      code: .success,
      frontal: frontal,
      shortSide: shortSide,
      face: face,
      pose: pose,
      embedding: embedding
    )
  }

  /// The one face of the photo, or `nil` when there is none or no face dominates.
  func dominantFace(_ faces: [DetectedFace]) -> DetectedFace? {
    let bySize = faces.sorted { $0.box.area > $1.box.area }
    guard let largest = bySize.first else { return nil }
    if bySize.count > 1 && largest.box.area < dominance * bySize[1].box.area { return nil }
    return largest
  }

  func markStrangers(_ checks: inout [PortraitPhotoCheck]) {
    while true {
      let candidates = checks.indices.filter { checks[$0].code == .success }
      guard candidates.count >= 2 else { return }
      let cosines = candidates.map { index in
        let others = candidates.filter { $0 != index }.compactMap { checks[$0].embedding }
        let mean = ConceptEmbedding.combine(others.map { (weight: 1, vector: $0) }) ?? []
        guard let embedding = checks[index].embedding, mean.count == embedding.count else { return Float(0) }
        return embedding.cosine(with: mean)
      }
      guard let worst = cosines.indices.min(by: { cosines[$0] < cosines[$1] }),
        cosines[worst] < samePersonThreshold
      else { return }
      checks[candidates[worst]].code = .notSamePerson
    }
  }
}
