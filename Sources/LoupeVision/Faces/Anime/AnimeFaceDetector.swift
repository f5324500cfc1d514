import LoupeMedia
import LoupeRuntime

/// Drawn (anime-style) faces, found by AnimeFace 2009 — the classical detector of
/// `animeface==2.0.3`: Haar-like features and small MLPs over an image pyramid, frontal faces
/// from about 43 pixels up, with eyes, nose, mouth and chin placed and the skin, hair and eye
/// colours sampled. Its `libnvxs` is loaded in-process (`AnimeFaceLibrary`); SCRFD and ArcFace,
/// trained on photographs, miss most drawn faces (docs/library.md, "Drawn characters").
public struct AnimeFaceDetector: Sendable {
  /// Images are shrunk to this longer side first: the detector's cost grows with the pixel count
  /// (about 32 bytes of buffers per pixel, 4 s for a 2400×1530 picture) and its smallest face is
  /// then still 4% of a square frame's side (43 of 1024 pixels).
  public static let defaultMaximumSide = 1024

  public var maximumSide: Int
  /// Faces below this likelihood are dropped; the library itself keeps everything above 0.5.
  public var minimumLikelihood: Float
  private let library: AnimeFaceLibrary
  // The library runs synchronously for up to seconds: on threads of its own, never the pool's.
  private static let executor = OffPoolExecutor(label: "loupe.animeface")

  init(library: AnimeFaceLibrary, maximumSide: Int, minimumLikelihood: Float) {
    self.library = library
    self.maximumSide = maximumSide
    self.minimumLikelihood = minimumLikelihood
  }

  /// The detector on the installed library (`.deps/animeface`), checked against its sha256.
  public static func live(
    dependencies: DependenciesDirectory,
    maximumSide: Int = defaultMaximumSide,
    minimumLikelihood: Float = 0.5
  ) throws -> AnimeFaceDetector {
    AnimeFaceDetector(
      library: try AnimeFaceLibrary(dependencies: dependencies),
      maximumSide: maximumSide,
      minimumLikelihood: minimumLikelihood
    )
  }

  /// The detector on a library at an explicit path (not checksummed: for a library built
  /// elsewhere).
  public static func loading(
    libraryAt path: String,
    maximumSide: Int = defaultMaximumSide,
    minimumLikelihood: Float = 0.5
  ) throws -> AnimeFaceDetector {
    AnimeFaceDetector(
      library: try AnimeFaceLibrary(path: path),
      maximumSide: maximumSide,
      minimumLikelihood: minimumLikelihood
    )
  }

  /// Faces in `image` coordinates, likeliest first (larger first among equals).
  public func detect(in image: PixelBuffer) async throws -> [AnimeFace] {
    if OffPoolExecutor.isCurrent { return try detectNow(in: image) }
    return try await withTaskExecutorPreference(Self.executor) { try detectNow(in: image) }
  }

  private func detectNow(in image: PixelBuffer) throws -> [AnimeFace] {
    let (input, scale) = image.shrunk(toLongSide: maximumSide)
    return try library.detect(in: input)
      .filter { $0.likelihood >= minimumLikelihood }
      .map { $0.scaled(by: 1 / scale) }
      .sorted { ($0.likelihood, $0.box.area) > ($1.likelihood, $1.box.area) }
  }
}

extension AnimeFace {
  /// The same face in an image `factor` times larger.
  func scaled(by factor: Float) -> AnimeFace {
    guard factor != 1 else { return self }
    func rect(_ r: Rect) -> Rect {
      Rect(x: r.x * factor, y: r.y * factor, width: r.width * factor, height: r.height * factor)
    }
    func point(_ p: Point) -> Point { Point(x: p.x * factor, y: p.y * factor) }
    var face = self
    face.box = rect(box)
    face.leftEye = rect(leftEye)
    face.rightEye = rect(rightEye)
    face.nose = point(nose)
    face.mouth = rect(mouth)
    face.chin = point(chin)
    return face
  }
}
