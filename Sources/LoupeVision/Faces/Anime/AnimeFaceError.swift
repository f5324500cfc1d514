/// Why the anime-face detector could not run, each case naming what to do about it.
public enum AnimeFaceError: Error, Equatable, CustomStringConvertible {
  /// The library is not where `scripts/setup` puts it.
  case libraryMissing(path: String)
  /// The file is there but the dynamic loader refused it, or it lacks a symbol the detector calls.
  case libraryUnloadable(path: String, reason: String)
  /// The image is too large for the detector's working buffers (about 32 bytes per pixel).
  case outOfMemory(width: Int, height: Int)
  /// The detection thread could not be started.
  case threadUnavailable

  public var description: String {
    switch self {
    case .libraryMissing(let path):
      "the anime-face library (animeface==2.0.3's libnvxs) is not installed at \(path) (run ./scripts/setup)"
    case .libraryUnloadable(let path, let reason):
      "the anime-face library at \(path) could not be loaded: \(reason)"
    case .outOfMemory(let width, let height):
      "not enough memory to look for anime faces in a \(width)×\(height) image"
    case .threadUnavailable:
      "the anime-face detector could not start its thread"
    }
  }
}
