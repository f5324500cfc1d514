import Crypto
import Foundation

/// The folder `scripts/setup` fills (`.deps/`): model packages, converted models, OpenVINO.
public struct DependenciesDirectory: Sendable, Equatable {
  public var root: URL

  public init(root: URL) {
    self.root = root
  }

  /// `LOUPE_DEPS` if set; otherwise the nearest `.deps` above the working directory or above
  /// the running executable (a build folder inside the repository).
  public static func locate(
    environment: [String: String] = ProcessInfo.processInfo.environment
  )
    -> DependenciesDirectory?
  {
    if let path = environment["LOUPE_DEPS"], !path.isEmpty {
      return DependenciesDirectory(root: URL(fileURLWithPath: path, isDirectory: true))
    }
    let starts = [
      URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true),
      URL(fileURLWithPath: CommandLine.arguments.first ?? "", isDirectory: false).deletingLastPathComponent(),
    ]
    for start in starts {
      var directory = start.standardizedFileURL
      while directory.path != "/" {
        let candidate = directory.appendingPathComponent(".deps", isDirectory: true)
        if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("site-packages").path) {
          return DependenciesDirectory(root: candidate)
        }
        directory.deleteLastPathComponent()
      }
    }
    return nil
  }

  /// Models compiled by OpenVINO for this installation's files (`compiled/`); deleting the folder
  /// only makes the next start slower.
  public var compiledModels: CompiledModelDirectory {
    CompiledModelDirectory(url: root.appendingPathComponent("compiled", isDirectory: true))
  }

  public func url(for file: ModelFile) -> URL {
    root.appendingPathComponent(file.path, isDirectory: false)
  }

  /// A file shipped inside an installed Python package, e.g. `skimage/data/astronaut.png`.
  public func packageFile(_ relativePath: String) -> URL {
    root.appendingPathComponent("site-packages", isDirectory: true).appendingPathComponent(relativePath)
  }

  public func isPresent(_ file: ModelFile) -> Bool {
    FileManager.default.fileExists(atPath: url(for: file).path)
  }

  /// Checks the file against its recorded sha256 and returns its path.
  @discardableResult
  public func verifiedPath(of file: ModelFile) throws -> String {
    let path = url(for: file).path
    let actual = try Self.sha256(ofFileAt: path)
    guard actual == file.sha256 else {
      throw RuntimeError.checksumMismatch(path: path, expected: file.sha256, actual: actual)
    }
    return path
  }

  public static func sha256(ofFileAt path: String) throws -> String {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw RuntimeError.modelFileMissing(path: path)
    }
    defer { try? handle.close() }
    var hasher = SHA256()
    while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
      hasher.update(data: chunk)
    }
    return hasher.finalize().map { String(format: "%02x", $0) }.joined()
  }
}
