import Foundation

/// A folder where OpenVINO keeps the models it compiled (its `CACHE_DIR`), shared by every
/// Loupe process on the machine, so that a server starts in seconds instead of recompiling
/// every model: 27 s for all of them on 2 cores, 17 s of it the TensorFlow SSD detector alone,
/// and minutes when a dozen processes start at once.
///
/// OpenVINO names a cached blob after the model's absolute path and the compile options only,
/// never the file's contents, so a weight file replaced in place would silently load its stale
/// predecessor. Each weight file therefore gets its own entry named after its path, size,
/// modification time and inode: a new file is a new entry.
///
/// An entry is used under an exclusive `flock` on its lock file, held across the compilation:
/// a process never imports a blob another is still writing, and of several processes starting
/// at once one compiles while the others wait and then import. The kernel drops the lock when a
/// process dies, even on SIGKILL; a blob a dead process left half-written fails OpenVINO's import
/// and is compiled again.
public struct CompiledModelDirectory: Sendable, Hashable {
  public let url: URL

  public init(url: URL) {
    self.url = url
  }

  /// Runs `body` with the entry folder for the weight file at `path`, holding its lock; with
  /// `nil` when the entry cannot be made or locked (a read-only install, a full disk): caching
  /// only saves time, so its failure never fails a model load.
  func withEntry<Result>(for path: String, _ body: (String?) throws -> Result) rethrows -> Result {
    guard let name = Self.entryName(for: path),
      (try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)) != nil
    else { return try body(nil) }
    let entry = url.appendingPathComponent(name, isDirectory: true)
    let descriptor = open(url.appendingPathComponent("\(name).lock").path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { return try body(nil) }
    defer { close(descriptor) }
    guard Self.lock(descriptor),
      (try? FileManager.default.createDirectory(at: entry, withIntermediateDirectories: true)) != nil
    else { return try body(nil) }
    defer { flock(descriptor, LOCK_UN) }
    return try body(entry.path)
  }

  /// Blocks until the lock is held; a signal interrupting the wait is not a failure.
  private static func lock(_ descriptor: Int32) -> Bool {
    while flock(descriptor, LOCK_EX) != 0 {
      guard errno == EINTR else { return false }
    }
    return true
  }

  /// The weight file's identity: `nil` when it cannot be read, and then nothing is cached.
  static func entryName(for path: String) -> String? {
    let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
    var info = stat()
    guard stat(absolute, &info) == 0 else { return nil }
    let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    let identity = "\(absolute)\n\(info.st_size)\n\(modified)\n\(info.st_ino)"
    let stem = URL(fileURLWithPath: absolute).deletingPathExtension().lastPathComponent
    return "\(stem)-\(String(fnv1a(identity), radix: 16))"
  }

  /// FNV-1a, 64-bit: stable across processes and runs, unlike `Hasher`.
  private static func fnv1a(_ text: String) -> UInt64 {
    text.utf8.reduce(0xcbf2_9ce4_8422_2325) { hash, byte in (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
  }
}
