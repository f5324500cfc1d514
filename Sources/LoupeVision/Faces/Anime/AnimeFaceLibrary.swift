import CAnimeFace
import Foundation
import LoupeMedia
import LoupeRuntime

/// libnvxs (AnimeFace 2009) opened in this process with `dlopen`, its symbols resolved once.
/// The file is checked against the catalogue's sha256 before it is loaded: it is code, and its
/// weights are compiled into it.
final class AnimeFaceLibrary: @unchecked Sendable {
  // Immutable after init; libnvxs's detection is reentrant and the shim serialises its one
  // piece of shared state (the colour sampler's random generator).
  private let handle: OpaquePointer

  init(path: String) throws {
    guard FileManager.default.fileExists(atPath: path) else { throw AnimeFaceError.libraryMissing(path: path) }
    var message = [CChar](repeating: 0, count: 512)
    guard let handle = loupe_animeface_open(path, &message, message.count) else {
      let reason = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
      throw AnimeFaceError.libraryUnloadable(path: path, reason: reason)
    }
    self.handle = handle
  }

  /// The catalogue's library under `dependencies`, verified.
  convenience init(dependencies: DependenciesDirectory) throws {
    let file = ModelCatalog.animeFace
    let path = dependencies.url(for: file).path
    guard dependencies.isPresent(file) else { throw AnimeFaceError.libraryMissing(path: path) }
    try self.init(path: try dependencies.verifiedPath(of: file))
  }

  deinit {
    loupe_animeface_close(handle)
  }

  /// Runs the detector synchronously (seconds on large images): callers keep it off the
  /// cooperative pool.
  func detect(in image: PixelBuffer) throws -> [AnimeFace] {
    var faces: UnsafeMutablePointer<loupe_animeface_face>?
    var count: Int32 = 0
    let status = image.pixels.withUnsafeBufferPointer { pixels in
      loupe_animeface_detect(handle, pixels.baseAddress, Int32(image.width), Int32(image.height), &faces, &count)
    }
    defer { loupe_animeface_free(faces) }
    switch status {
    case LOUPE_ANIMEFACE_OK: break
    case LOUPE_ANIMEFACE_THREAD: throw AnimeFaceError.threadUnavailable
    default: throw AnimeFaceError.outOfMemory(width: image.width, height: image.height)
    }
    guard let faces else { return [] }
    return UnsafeBufferPointer(start: faces, count: Int(count)).map(Self.face)
  }

  private static func face(_ found: loupe_animeface_face) -> AnimeFace {
    let skin = colour(found.skin), hair = colour(found.hair)
    let leftEye = colour(found.left_eye_colour), rightEye = colour(found.right_eye_colour)
    let colours: AnimeFace.Colours? =
      if let skin, let hair, let leftEye, let rightEye {
        AnimeFace.Colours(skin: skin, hair: hair, leftEye: leftEye, rightEye: rightEye)
      } else {
        nil
      }
    return AnimeFace(
      box: rect(found.face),
      likelihood: found.likelihood,
      leftEye: rect(found.left_eye),
      rightEye: rect(found.right_eye),
      nose: centre(found.nose),
      mouth: rect(found.mouth),
      chin: centre(found.chin),
      colours: colours
    )
  }

  private static func rect(_ rect: loupe_animeface_rect) -> Rect {
    Rect(x: Float(rect.x), y: Float(rect.y), width: Float(rect.width), height: Float(rect.height))
  }

  /// The nose and chin come as small squares around the point the regression placed.
  private static func centre(_ rect: loupe_animeface_rect) -> Point {
    Point(x: Float(rect.x) + Float(rect.width) / 2, y: Float(rect.y) + Float(rect.height) / 2)
  }

  /// The shim marks colours it could not sample with -1.
  private static func colour(_ rgb: (Float, Float, Float)) -> AnimeFace.Colour? {
    rgb.0 < 0 ? nil : AnimeFace.Colour(red: rgb.0, green: rgb.1, blue: rgb.2)
  }
}
