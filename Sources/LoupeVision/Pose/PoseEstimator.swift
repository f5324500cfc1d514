import LoupeMedia
import LoupeRuntime

/// Everyone's pose in an image. MediaPipe's detector is built for one person per image: on a group
/// it finds the most prominent one and scores the rest below its threshold. So the estimator first
/// runs it on the whole image (MediaPipe's own pipeline), then, for every face no pose yet
/// accounts for (largest first, none under `smallestFace` of the largest), runs it again on a
/// narrow window below that face, and, when that finds nobody, tries the region an upright body
/// under that face would have. A region counts only when the landmark model confirms a person
/// whose nose lies near that face's centre. Everyone found is painted out (grey over their person
/// mask) before the next search, so the models cannot settle on the same prominent person twice.
public struct PoseEstimator: Sendable {
  public let detector: PoseDetector
  public let landmarker: PoseLandmarker
  public let faces: (any FaceDetector)?
  public var maximumPeople: Int

  /// The window searched below a face, in face sizes: `windowWidth` × `windowHeight`, its top
  /// `windowAbove` above the face's top, centred on the face horizontally. Narrow, so that the
  /// neighbours of a person in a group mostly fall outside it.
  static let windowWidth: Float = 4
  static let windowHeight: Float = 8
  static let windowAbove: Float = 1
  /// The fallback region for an upright body: centred `hipsBelowFace` face sizes below the
  /// face's centre, its side MediaPipe's 2.5 × the hips-to-head distance.
  static let hipsBelowFace: Float = 3.5
  /// How far (in face sizes) from its face's centre a pose's nose may be.
  static let noseDistance: Float = 0.35
  /// Faces smaller than this share of the largest are left alone (onlookers far behind).
  static let smallestFace: Float = 0.4
  /// The face window's height in pixels, twice the detector's input.
  static let windowPixels: Float = 448
  /// Detections tried per face window, best first.
  static let candidatesPerFace = 3

  public init(
    detector: PoseDetector,
    landmarker: PoseLandmarker,
    faces: (any FaceDetector)? = nil,
    maximumPeople: Int = 8
  ) {
    self.detector = detector
    self.landmarker = landmarker
    self.faces = faces
    self.maximumPeople = maximumPeople
  }

  public static func live(
    dependencies: DependenciesDirectory,
    faces kind: FaceDetectorKind? = .scrfd,
    options: InferenceOptions = InferenceOptions()
  ) throws -> PoseEstimator {
    let faces: (any FaceDetector)? =
      switch kind {
      case .scrfd: SCRFDDetector(model: try dependencies.model(ModelCatalog.scrfd500M, options: options))
      case .retinaface: RetinaFaceDetector(model: try dependencies.model(ModelCatalog.retinaFace, options: options))
      case nil: nil
      }
    return PoseEstimator(
      detector: try PoseDetector.live(dependencies: dependencies, options: options),
      landmarker: try PoseLandmarker.live(dependencies: dependencies, options: options),
      faces: faces
    )
  }

  /// The poses found: the whole image's best detection first, then one per further face.
  public func poses(in image: PixelBuffer) async throws -> [BodyPose] {
    var poses: [BodyPose] = []
    if let best = try await detector.detect(in: image).first,
      let pose = try await landmarker.pose(in: best.region, of: image)
    {
      poses.append(pose)
    }
    guard let faces else { return poses }
    var search = image
    poses.forEach { Self.paintOut($0, in: &search) }
    let found = try await faces.detect(in: image).sorted { Self.size(of: $0) > Self.size(of: $1) }
    let largest = found.first.map(Self.size) ?? 0
    for face in found where Self.size(of: face) >= Self.smallestFace * largest {
      guard poses.count < maximumPeople else { break }
      if poses.contains(where: { Self.nose(of: $0, belongsTo: face) }) { continue }
      let found: BodyPose?
      if let pose = try await pose(below: face, in: search) {
        found = pose
      } else {
        found = try await uprightPose(under: face, in: search)
      }
      if let found {
        poses.append(found)
        Self.paintOut(found, in: &search)
      }
    }
    return poses
  }

  /// Greys out the pixels of `pose`'s person mask (probability ≥ 0.5).
  private static func paintOut(_ pose: BodyPose, in image: inout PixelBuffer) {
    let half = pose.region.side * 0.7072
    let minX = max(0, Int(pose.region.center.x - half)), maxX = min(image.width, Int(pose.region.center.x + half) + 1)
    let minY = max(0, Int(pose.region.center.y - half)), maxY = min(image.height, Int(pose.region.center.y + half) + 1)
    guard minX < maxX, minY < maxY else { return }
    for y in minY..<maxY {
      for x in minX..<maxX where pose.mask.probability(x: Float(x), y: Float(y)) >= 0.5 {
        let index = (y * image.width + x) * PixelBuffer.channels
        image.pixels[index] = 128
        image.pixels[index + 1] = 128
        image.pixels[index + 2] = 128
      }
    }
  }

  /// The region of an upright body below `face`, when the landmark model confirms it.
  private func uprightPose(under face: DetectedFace, in image: PixelBuffer) async throws -> BodyPose? {
    let size = Self.size(of: face)
    let region = PoseRegion(
      center: Point(
        x: face.box.x + face.box.width / 2,
        y: face.box.y + face.box.height / 2 + Self.hipsBelowFace * size
      ),
      side: 2 * PoseDetection.regionMargin * (Self.hipsBelowFace + 1) * size,
      rotation: 0
    )
    guard let pose = try await landmarker.pose(in: region, of: image), Self.nose(of: pose, belongsTo: face) else {
      return nil
    }
    return pose
  }

  /// The pose of the person whose face this is, from detections in a window below it.
  private func pose(below face: DetectedFace, in image: PixelBuffer) async throws -> BodyPose? {
    let size = Self.size(of: face)
    let width = size * Self.windowWidth, height = size * Self.windowHeight
    let originX = face.box.x + face.box.width / 2 - width / 2
    let originY = face.box.y - size * Self.windowAbove
    // The detector reads 224 pixels: a larger window only costs time.
    let scale = min(1, Self.windowPixels / height)
    guard
      let window = image.warped(
        by: AffineTransform(a: scale, b: 0, tx: -originX * scale, c: 0, d: scale, ty: -originY * scale),
        width: max(1, Int((width * scale).rounded())),
        height: max(1, Int((height * scale).rounded()))
      )
    else { return nil }
    for detection in try await detector.detect(in: window).prefix(Self.candidatesPerFace) {
      var region = detection.region
      region.center = Point(x: region.center.x / scale + originX, y: region.center.y / scale + originY)
      region.side /= scale
      if let pose = try await landmarker.pose(in: region, of: image), Self.nose(of: pose, belongsTo: face) {
        return pose
      }
    }
    return nil
  }

  private static func size(of face: DetectedFace) -> Float {
    max(face.box.width, face.box.height)
  }

  private static func nose(of pose: BodyPose, belongsTo face: DetectedFace) -> Bool {
    let nose = pose[.nose].point
    let dx = nose.x - (face.box.x + face.box.width / 2), dy = nose.y - (face.box.y + face.box.height / 2)
    return (dx * dx + dy * dy).squareRoot() <= noseDistance * size(of: face)
  }
}
