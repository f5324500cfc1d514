import Foundation

/// An exclusive claim on a data directory for one server process, held until the process exits
/// (the kernel releases it even on SIGKILL). Jobs found running in a store whose lock a server
/// holds were left by a dead process, which makes restarting them at once safe.
public final class DataDirectoryLock: Sendable {
  public let directory: URL
  private let descriptor: Int32

  public static let fileName = "serve.lock"

  public init(directory: URL) throws {
    self.directory = directory
    try PrivateFolder.prepare(directory)
    let path = directory.appendingPathComponent(Self.fileName).path
    let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw DataDirectoryLockError.cannotOpen(path, errno: errno) }
    guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
      close(descriptor)
      throw DataDirectoryLockError.held(directory.path)
    }
    self.descriptor = descriptor
  }

  deinit {
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }
}

public enum DataDirectoryLockError: Error, Equatable, CustomStringConvertible {
  case cannotOpen(String, errno: Int32)
  case held(String)

  public var description: String {
    switch self {
    case .cannotOpen(let path, let code): "cannot open \(path): \(String(cString: strerror(code)))"
    case .held(let path): "another loupe serve is using the data directory \(path)"
    }
  }
}
